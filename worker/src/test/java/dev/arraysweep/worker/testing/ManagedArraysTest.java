package dev.arraysweep.worker.testing;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that make NDArrays: a fresh base manager per test, opened before the subclass's own
 * {@code @BeforeEach} methods and closed, with every array it made, after its {@code @AfterEach} methods.
 */
public abstract class ManagedArraysTest {
    /** The manager of the running test. */
    protected NDManager manager;

    @BeforeEach
    protected final void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    protected final void closeManager() {
        manager.close();
    }
}
