-- The run's GPU as nvidia-smi reported it during each epoch (the thesis' GPU utilisation, temperature, power and
-- memory, seed 004 l.1855-1866): means of the epoch's readings. NULL on a CPU without a GPU to watch, where
-- nvidia-smi is missing or failed, for a figure the GPU does not report, and on rows recorded before V7.
ALTER TABLE epoch_metric ADD COLUMN gpu_utilization DOUBLE PRECISION;
ALTER TABLE epoch_metric ADD COLUMN gpu_temperature DOUBLE PRECISION;
ALTER TABLE epoch_metric ADD COLUMN gpu_power_watts DOUBLE PRECISION;
ALTER TABLE epoch_metric ADD COLUMN gpu_memory_used_bytes BIGINT;
ALTER TABLE epoch_metric ADD COLUMN gpu_readings INT;
