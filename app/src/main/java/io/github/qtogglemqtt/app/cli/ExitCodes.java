package io.github.qtogglemqtt.app.cli;

/** The exit statuses of every command. */
final class ExitCodes {
  /** Success. */
  static final int OK = 0;

  /** A runtime failure (broker or source trouble, messages left unacknowledged, a bug). */
  static final int FAILURE = 1;

  /** A configuration or usage error; the problems are printed. */
  static final int USAGE = 2;

  private ExitCodes() {}
}
