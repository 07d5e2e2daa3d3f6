package dev.hygge.storage;

import java.util.List;

/** An {@link ObjectStore} that can list objects under a prefix or matching a glob. */
public interface SupportsListing {
  /**
   * Every object whose location starts with {@code prefix}, sorted by location. Backends page
   * through large listings themselves.
   *
   * @throws dev.hygge.HyggeException of kind CONFIG when the bucket does not exist, HOME when
   *     listing fails
   */
  List<ObjectInfo> list(Location prefix);

  /**
   * Every object whose location matches {@code pattern}, a glob ({@code *} and {@code ?} within one
   * path segment, {@code **} across segments, {@code [..]}, {@code {..}}), sorted by location.
   *
   * @throws dev.hygge.HyggeException like {@link #list}
   */
  List<ObjectInfo> match(Location pattern);
}
