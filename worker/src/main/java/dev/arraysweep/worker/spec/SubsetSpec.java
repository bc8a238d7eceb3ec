package dev.arraysweep.worker.spec;

/**
 * Which part of its dataset a run uses, beyond {@code train_limit} and {@code test_limit}: the first
 * {@code classes} classes (both splits), and a fixed random subset of the training samples, either
 * {@code perClass} of each class (thesis 5.4, seed 004 l.2906-2910) or {@code trainSubset} of any classes
 * (seed 000 l.33-47). The random subsets are drawn with {@code seed}, which is the run's seed unless
 * {@code subset_seed} says otherwise; none of these are sampling parameters, so a run and its twins use the
 * same subset.
 *
 * @param classes keep only labels 0 to classes-1; null = every class
 * @param perClass training samples kept of each class; null = all
 * @param trainSubset training samples kept in all; null = all
 * @param seed the seed of the random subsets; 0 when there are none
 */
public record SubsetSpec(Integer classes, Integer perClass, Integer trainSubset, long seed) {
    /** The whole dataset. */
    public static final SubsetSpec ALL = new SubsetSpec(null, null, null, 0);

    public SubsetSpec {
        Valid.check("classes", classes);
        Valid.check("per_class", perClass);
        Valid.check("train_subset", trainSubset);
        Valid.require(perClass == null || trainSubset == null, "per_class and train_subset exclude each other");
        if (perClass != null || trainSubset != null) {
            Valid.check("subset_seed", seed);
        }
    }

    /** {@return whether the run uses only part of its dataset} */
    public boolean isPart() {
        return classes != null || perClass != null || trainSubset != null;
    }

    static SubsetSpec from(SpecReader p) {
        Integer seed = p.nullableInt("subset_seed");
        return new SubsetSpec(
                p.nullableInt("classes"),
                p.nullableInt("per_class"),
                p.nullableInt("train_subset"),
                seed == null ? 0 : seed);
    }
}
