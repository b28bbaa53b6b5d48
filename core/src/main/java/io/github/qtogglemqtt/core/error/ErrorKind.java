package io.github.qtogglemqtt.core.error;

/**
 * Who is to blame for a failure, following Trino's error categories. The kind decides whether an
 * operation is retried, which exit status the app returns and how the failure is counted.
 *
 * @since 0.1
 */
public enum ErrorKind {
  /** The user's configuration or input is wrong; retrying the same thing fails again. */
  USER,
  /** Something outside the process failed (broker, network, device); retrying may succeed. */
  EXTERNAL,
  /** A bug in this program. */
  INTERNAL
}
