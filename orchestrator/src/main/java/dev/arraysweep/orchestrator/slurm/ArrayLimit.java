package dev.arraysweep.orchestrator.slurm;

import java.util.ArrayList;
import java.util.List;

/**
 * How one array of a submission keeps the sweep's {@code max_concurrent} when the sweep needs several arrays:
 * its own {@code %N} throttle, and the earlier array of the same submission it waits for.
 *
 * <p>A {@code %N} throttle binds one array only, so {@code %2} on each of three arrays lets six tasks run.
 * {@link #share} keeps the sweep's limit L across k arrays: they form {@code c = min(L, k)} chains, array i in
 * chain {@code i mod c}, each array after the previous one of its chain ({@code --dependency=afterany}, so a
 * failed task does not hold the rest back), and the chains' throttles add up to L. At most L tasks run at any
 * time; with L >= k every array starts at once.
 *
 * @param throttle the {@code %N} of this array, or null for none
 * @param afterArray the position in the submission of the array this one waits for, or null
 * @param afterJob that array's Slurm job id once it is known (at submission), else null
 */
public record ArrayLimit(Integer throttle, Integer afterArray, String afterJob) {
    /** {@return the limit of a lone array: the sweep's throttle, nothing to wait for} */
    public static ArrayLimit of(Integer maxConcurrent) {
        return new ArrayLimit(maxConcurrent, null, null);
    }

    /** {@return the limit of each of {@code arrays} arrays that share {@code maxConcurrent} (null = none)} */
    public static List<ArrayLimit> share(Integer maxConcurrent, int arrays) {
        List<ArrayLimit> out = new ArrayList<>(arrays);
        if (maxConcurrent == null || arrays <= 1) {
            for (int i = 0; i < arrays; i++) {
                out.add(of(maxConcurrent));
            }
            return out;
        }
        int chains = Math.min(maxConcurrent, arrays);
        for (int i = 0; i < arrays; i++) {
            int chain = i % chains;
            int throttle = maxConcurrent / chains + (chain < maxConcurrent % chains ? 1 : 0);
            out.add(new ArrayLimit(throttle, i >= chains ? i - chains : null, null));
        }
        return out;
    }

    /** {@return this limit with the job id of the array it waits for} */
    public ArrayLimit after(String jobId) {
        return new ArrayLimit(throttle, afterArray, jobId);
    }
}
