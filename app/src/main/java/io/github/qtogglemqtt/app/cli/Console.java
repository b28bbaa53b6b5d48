package io.github.qtogglemqtt.app.cli;

import static java.util.Objects.requireNonNull;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The command line's output: UTF-8 whatever the locale (under {@code LC_ALL=C} the JVM's own {@code
 * System.out} turns every non-ASCII character into {@code ?}). Standard output carries only results
 * (render's JSON lines, check's verdict, the version); everything else goes to standard error.
 */
public record Console(PrintWriter out, PrintWriter err) {
  public Console {
    requireNonNull(out, "out is null");
    requireNonNull(err, "err is null");
  }

  /** The process's standard streams, encoded as UTF-8. */
  public static Console system() {
    return new Console(
        utf8(new FileOutputStream(FileDescriptor.out)),
        utf8(new FileOutputStream(FileDescriptor.err)));
  }

  /** A console over the given streams (tests). */
  public static Console of(OutputStream out, OutputStream err) {
    return new Console(utf8(out), utf8(err));
  }

  private static PrintWriter utf8(OutputStream stream) {
    return new PrintWriter(new PrintStream(stream, true, StandardCharsets.UTF_8), true);
  }
}
