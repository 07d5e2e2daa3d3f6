package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.SupportsConditionalWrite;
import dev.hygge.storage.SupportsListing;
import dev.hygge.storage.VersionedBytes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run history on object storage, under the state prefix: one object per entity run, {@code
 * <prefix>/runs/<yyyy>/<mm>/<dd>/<HHmmssSSSSSS>-<run_id>-<flow>.<entity>.json} (the UTC date and
 * time the entity's run started), so concurrent runs never rewrite each other's records. Names sort
 * by time, so the newest runs are found by listing one year at a time backwards, and the oldest are
 * deleted first when the history passes its limit (for the whole project, not per entity). The
 * store is closed with this.
 */
public final class ObjectRunJournal implements RunJournal {
  /** The folder of run records under the state prefix. */
  public static final String FOLDER = "runs";

  private static final Logger LOG = LoggerFactory.getLogger(ObjectRunJournal.class);
  private static final String SUFFIX = ".json";

  /** The start's time of day to the microsecond, so names sort as the runs started. */
  private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HHmmssSSSSSS");

  /** A record's name under {@code runs/}: the date folders, then the record. */
  private static final Pattern RECORD =
      Pattern.compile("[0-9]{4}/[0-9]{2}/[0-9]{2}/[0-9]{12}-[^/]+" + Pattern.quote(SUFFIX));

  /** How far past its limit the history may grow before it is cut back: a tenth. */
  private static final int SLACK_DIVISOR = 10;

  private final ObjectStore store;
  private final SupportsListing listing;
  private final SupportsConditionalWrite reads;
  private final Location runs;
  private final int limit;
  private final Clock clock;

  /**
   * @param store the object store of {@code root}; this closes it
   * @param root the state prefix; records go under {@code runs/} in it
   * @param limit how many entity runs to keep, across the project
   * @param clock tells which year {@link #last} starts from
   * @throws HyggeException of kind CONFIG when the store cannot list objects
   */
  public ObjectRunJournal(ObjectStore store, Location root, int limit, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.runs = requireNonNull(root, "root is null").resolve(FOLDER);
    this.clock = requireNonNull(clock, "clock is null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    this.limit = limit;
    if (!(store instanceof SupportsListing lists)
        || !(store instanceof SupportsConditionalWrite versioned)) {
      throw HyggeException.config(
          "The run history cannot be kept at " + runs + ": its storage cannot list objects.");
    }
    this.listing = lists;
    this.reads = versioned;
  }

  /** The object that holds one record. */
  public Location location(RunRecord record) {
    ZonedDateTime day = record.started().atZone(ZoneOffset.UTC);
    return runs.resolve(String.format("%04d", day.getYear()))
        .resolve(String.format("%02d", day.getMonthValue()))
        .resolve(String.format("%02d", day.getDayOfMonth()))
        .resolve(
            TIME_OF_DAY.format(day) + "-" + record.runId() + "-" + record.qualifiedName() + SUFFIX);
  }

  @Override
  public void append(RunRecord record) {
    Location location = location(record);
    byte[] bytes = RunRecordJson.encode(record).getBytes(StandardCharsets.UTF_8);
    try (OutputObject out = store.createOrOverwrite(location)) {
      out.write(bytes);
      out.commit();
    } catch (HyggeException e) {
      throw new HyggeException(
          ErrorKind.STATE,
          "Cannot record run "
              + record.runId()
              + " of entity "
              + record.qualifiedName()
              + " in "
              + location
              + ": "
              + e.getMessage(),
          e);
    }
    cutBack();
  }

  /** Deletes the oldest records once there are more than the limit and its slack. */
  private void cutBack() {
    List<ObjectInfo> all = records(runs);
    if (all.size() <= limit + limit / SLACK_DIVISOR) {
      return;
    }
    for (ObjectInfo old : all.subList(0, all.size() - limit)) {
      store.delete(old.location());
    }
    LOG.debug("Cut the run history {} back to its last {} runs", runs, limit);
  }

  @Override
  public List<RunRecord> last(int count, RunFilter filter) {
    List<RunRecord> newestFirst = new ArrayList<>();
    int thisYear = clock.instant().atZone(ZoneOffset.UTC).getYear();
    for (int year = thisYear; newestFirst.size() < count; year--) {
      List<ObjectInfo> objects = records(runs.resolve(String.format("%04d", year)));
      if (objects.isEmpty() && year < thisYear) {
        break;
      }
      for (int i = objects.size() - 1; i >= 0 && newestFirst.size() < count; i--) {
        read(objects.get(i).location(), filter).ifPresent(newestFirst::add);
      }
    }
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  /** The records under {@code prefix}, oldest first. */
  private List<ObjectInfo> records(Location prefix) {
    String base = runs.path() + "/";
    try {
      return listing.list(prefix).stream()
          .filter(
              o ->
                  o.location().path().startsWith(base)
                      && RECORD.matcher(o.location().path().substring(base.length())).matches())
          .toList();
    } catch (HyggeException e) {
      throw new HyggeException(
          ErrorKind.STATE, "Cannot list the run history in " + prefix + ": " + e.getMessage(), e);
    }
  }

  /** The record in one object if it passes the filter; empty when it does not or is unreadable. */
  private Optional<RunRecord> read(Location location, RunFilter filter) {
    if (!mayMatch(location, filter)) {
      return Optional.empty();
    }
    Optional<VersionedBytes> object;
    try {
      object = reads.readVersioned(location);
    } catch (HyggeException e) {
      throw new HyggeException(
          ErrorKind.STATE, "Cannot read the run record " + location + ": " + e.getMessage(), e);
    }
    if (object.isEmpty()) {
      return Optional.empty(); // cut back by a concurrent run since it was listed
    }
    try {
      return Optional.of(
              RunRecordJson.decode(new String(object.get().bytes(), StandardCharsets.UTF_8)))
          .filter(filter::matches);
    } catch (IllegalArgumentException e) {
      LOG.warn("Skipping {}: it is not a run record ({})", location, e.getMessage());
      return Optional.empty();
    }
  }

  /** Whether the object's name allows a record the filter lets through, so others go unread. */
  private static boolean mayMatch(Location location, RunFilter filter) {
    String path = location.path();
    String name = path.substring(path.lastIndexOf('/') + 1);
    return filter.entity().map(e -> name.endsWith("-" + e + SUFFIX)).orElse(true)
        && filter.flow().map(f -> name.contains("-" + f + ".")).orElse(true);
  }

  @Override
  public String describe() {
    return runs.toString();
  }

  /** Closes the object store. */
  @Override
  public void close() {
    store.close();
  }
}
