package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.files.Durability;
import dev.hygge.files.FileLocks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run history in a local directory: a file of JSON lines ({@code runs.jsonl}), one line per
 * entity run (or reset), appended to and cut back to its last {@code limit} lines when it grows a
 * tenth past them.
 */
public final class LocalRunJournal implements RunJournal {
  /** The journal's file name in the state directory. */
  public static final String FILE_NAME = "runs.jsonl";

  private static final Logger LOG = LoggerFactory.getLogger(LocalRunJournal.class);

  /** How far past its limit the history may grow before it is cut back: a tenth, so rarely. */
  private static final int SLACK_DIVISOR = 10;

  private static final String TEMP_SUFFIX = ".tmp";

  private final Path file;
  private final int limit;

  /**
   * A history that keeps the default number of runs.
   *
   * @param directory the state directory
   */
  public LocalRunJournal(Path directory) {
    this(directory, StateConfig.DEFAULT_HISTORY_LIMIT);
  }

  /**
   * @param directory the state directory
   * @param limit how many entity runs to keep: once the file holds a tenth more, the oldest are
   *     dropped down to {@code limit}
   */
  public LocalRunJournal(Path directory, int limit) {
    this.file = requireNonNull(directory, "directory is null").resolve(FILE_NAME);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    this.limit = limit;
  }

  /** The journal file. */
  public Path file() {
    return file;
  }

  /**
   * Appends one record, durably, whole lines only (other processes append under the same lock).
   *
   * @throws HyggeException of kind STATE when the journal cannot be written
   */
  @Override
  public void append(RunRecord record) {
    byte[] line = (RunRecordJson.encode(record) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(file.getParent());
      try (FileLocks.Held lock = FileLocks.lock(file.resolveSibling("." + FILE_NAME + ".lock"))) {
        Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Durability.force(file);
        cutBack();
      }
    } catch (IOException e) {
      throw new HyggeException(
          ErrorKind.STATE,
          "Cannot record run "
              + record.runId()
              + " of entity "
              + record.qualifiedName()
              + " in "
              + file
              + ": "
              + e
              + ". Check the permissions and free space of the state directory.",
          e);
    }
  }

  /** Drops the oldest lines once the file holds more than the limit and its slack. */
  private void cutBack() throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.size() <= limit + limit / SLACK_DIVISOR) {
      return;
    }
    List<String> kept = lines.subList(lines.size() - limit, lines.size());
    Path temp = Files.createTempFile(file.getParent(), "." + FILE_NAME + "-", TEMP_SUFFIX);
    try {
      Files.write(temp, kept, StandardCharsets.UTF_8);
      Durability.force(temp);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Durability.force(file.getParent());
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    LOG.debug("Cut the run history {} back to its last {} runs", file, limit);
  }

  /**
   * Every record, oldest first. A line that cannot be read (the last line of a run killed while
   * writing it, or a hand edit) is skipped with a warning naming the file and line.
   *
   * @throws HyggeException of kind STATE when the file cannot be read
   */
  public List<RunRecord> read() {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new HyggeException(
          ErrorKind.STATE, "Cannot read the run history " + file + ": " + e, e);
    }
    List<RunRecord> records = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        records.add(RunRecordJson.decode(line));
      } catch (IllegalArgumentException e) {
        LOG.warn(
            "Skipping line {} of {}: it is not a run record ({})", i + 1, file, e.getMessage());
      }
    }
    return records;
  }

  @Override
  public List<RunRecord> last(int count, RunFilter filter) {
    List<RunRecord> matching = read().stream().filter(filter::matches).toList();
    return matching.subList(Math.max(0, matching.size() - count), matching.size());
  }

  @Override
  public String describe() {
    return file.toString();
  }
}
