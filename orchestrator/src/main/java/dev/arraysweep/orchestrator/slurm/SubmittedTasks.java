package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.Submission;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What Slurm says about the array tasks of a sweep's runs, from one batched poll: a run's task is found
 * through the array job recorded on it ({@code run.slurm_array_job_id}) and that array's index offset.
 */
public final class SubmittedTasks {
    private final Map<String, Submission> byJob;
    private final SlurmPoll poll;

    private SubmittedTasks(Map<String, Submission> byJob, SlurmPoll poll) {
        this.byJob = byJob;
        this.poll = poll;
    }

    /**
     * {@return the Slurm state of the tasks of {@code runs}}; Slurm is asked once, and not at all when none of
     * the runs belongs to one of {@code submissions}
     */
    public static SubmittedTasks poll(Slurm slurm, List<Submission> submissions, Collection<Run> runs) {
        Map<String, Submission> byJob =
                submissions.stream().collect(Collectors.toMap(Submission::jobId, Function.identity(), (a, b) -> b));
        Set<String> jobs = new LinkedHashSet<>();
        for (Run r : runs) {
            if (r.slurmArrayJobId() != null && byJob.containsKey(r.slurmArrayJobId())) {
                jobs.add(r.slurmArrayJobId());
            }
        }
        return new SubmittedTasks(byJob, jobs.isEmpty() ? null : slurm.poll(jobs));
    }

    /** {@return no knowledge of Slurm: every run counts as not queued} */
    public static SubmittedTasks none() {
        return new SubmittedTasks(Map.of(), null);
    }

    /** {@return the task Slurm reports for the run's recorded array job, if it reports one} */
    public Optional<TaskState> task(Run run) {
        Submission s = run.slurmArrayJobId() == null ? null : byJob.get(run.slurmArrayJobId());
        if (s == null || poll == null) {
            return Optional.empty();
        }
        return poll.task(s.jobId(), s.taskId(run.arrayIndex()));
    }

    /** {@return whether the run's task is pending, running or requeued in Slurm} */
    public boolean queued(Run run) {
        return task(run).map(TaskState::active).orElse(false);
    }

    /** {@return whether the run's array belongs to an arraysweep submission} */
    public boolean submitted(Run run) {
        return run.slurmArrayJobId() != null && byJob.containsKey(run.slurmArrayJobId());
    }
}
