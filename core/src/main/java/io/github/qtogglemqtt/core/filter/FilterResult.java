package io.github.qtogglemqtt.core.filter;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What a filter decided for one event.
 *
 * @param accepted whether the event passes
 * @param reason for a rejection, the rule that rejected it ({@code type}, {@code port_tag}, ...)
 *     and why; empty when accepted
 * @param warning for a rejection caused by an expression that failed to evaluate (spec 4.6), what
 *     to warn about, naming the expression; else null
 */
public record FilterResult(boolean accepted, String reason, @Nullable String warning) {
  private static final FilterResult ACCEPT = new FilterResult(true, "", null);

  public FilterResult {
    requireNonNull(reason, "reason is null");
  }

  /** The event passes. */
  public static FilterResult accept() {
    return ACCEPT;
  }

  /** The event is rejected by a rule. */
  public static FilterResult reject(String reason) {
    return new FilterResult(false, reason, null);
  }

  /** The event is rejected because an expression failed; the warning names the expression. */
  public static FilterResult rejectWithWarning(String reason, String warning) {
    return new FilterResult(false, reason, warning);
  }
}
