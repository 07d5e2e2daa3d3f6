package dev.hygge.storage;

import static java.util.Objects.requireNonNull;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * A glob over object locations, split into the literal prefix to list (everything before the first
 * segment with a glob character) and a matcher for the rest.
 */
public final class ObjectGlob {
  private static final String GLOB_CHARACTERS = "*?[{";

  private final Location prefix;
  private final PathMatcher matcher;

  /** A glob for {@code pattern}; a pattern without glob characters matches itself. */
  public ObjectGlob(Location pattern) {
    requireNonNull(pattern, "pattern is null");
    String path = pattern.path();
    int firstGlob = firstGlobCharacter(path);
    int cut = firstGlob < 0 ? path.lastIndexOf('/') : path.lastIndexOf('/', firstGlob);
    String literal = path.substring(0, cut + 1);
    this.prefix = new Location(pattern.scheme(), pattern.authority(), literal);
    this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + path.substring(cut + 1));
  }

  /** Whether a path has glob characters ({@code *}, {@code ?}, {@code [..]}, {@code {..}}). */
  public static boolean isGlob(String path) {
    return firstGlobCharacter(path) >= 0;
  }

  /** The longest literal prefix, ending with {@code /} or empty: list this, then filter. */
  public Location prefix() {
    return prefix;
  }

  /** Whether a listed location under {@link #prefix()} matches the glob. */
  public boolean matches(Location location) {
    String relative = location.path().substring(prefix.path().length());
    return !relative.isEmpty() && matcher.matches(Path.of(relative));
  }

  private static int firstGlobCharacter(String path) {
    int first = -1;
    for (char c : GLOB_CHARACTERS.toCharArray()) {
      int at = path.indexOf(c);
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }
}
