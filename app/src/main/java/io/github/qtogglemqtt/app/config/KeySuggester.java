package io.github.qtogglemqtt.app.config;

import java.util.Collection;
import java.util.Optional;

/** Finds the known key closest to a misspelt one (Levenshtein distance). */
public final class KeySuggester {
  private KeySuggester() {}

  /**
   * The known key closest to {@code key}, if one is close enough to be a likely typo: at most 2
   * edits, or a third of the key's length for long keys.
   */
  public static Optional<String> closest(String key, Collection<String> known) {
    int limit = Math.max(2, key.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      if (candidate.equals(key)) {
        continue;
      }
      int distance = distance(key, candidate);
      if (distance < bestDistance
          || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
  }

  /** The message for a key that nobody reads. */
  public static String unknownKeyMessage(String key, Collection<String> known) {
    return closest(key, known)
        .map(k -> "unknown key, did you mean %s?".formatted(k))
        .orElse("unknown key");
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
