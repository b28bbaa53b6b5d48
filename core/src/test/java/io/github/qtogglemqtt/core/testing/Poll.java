package io.github.qtogglemqtt.core.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline (tests must not sleep a fixed time). */
public final class Poll {
  private Poll() {}

  /**
   * Returns as soon as the condition holds.
   *
   * @throws AssertionError naming {@code what} when it does not hold within the timeout
   */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after %s waiting for: %s".formatted(timeout, what));
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  /** {@link #until} with a 10 s timeout. */
  public static void until(String what, BooleanSupplier condition) {
    until(what, Duration.ofSeconds(10), condition);
  }
}
