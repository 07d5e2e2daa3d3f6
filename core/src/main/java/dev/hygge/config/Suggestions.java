package dev.hygge.config;

import java.util.Collection;
import java.util.Optional;

/** Finds the nearest valid word to a typo, for "did you mean" hints. */
public final class Suggestions {
  private Suggestions() {}

  /** The candidate closest to {@code word} by edit distance, if it is close enough to help. */
  public static Optional<String> nearest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(word.toLowerCase(), candidate.toLowerCase());
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int tolerance = Math.max(2, word.length() / 3);
    return bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
  }

  /** A ready hint such as {@code " Did you mean 'compression'?"}, or an empty string. */
  public static String hint(String word, Collection<String> candidates) {
    return nearest(word, candidates).map(s -> " Did you mean '" + s + "'?").orElse("");
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
