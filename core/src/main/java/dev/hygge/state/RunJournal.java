package dev.hygge.state;

import java.util.List;

/**
 * The run history: one {@link RunRecord} per entity run or reset, kept where the project's state is
 * ({@link LocalRunJournal}, {@link ObjectRunJournal}, {@link DatabaseRunJournal}) and cut back to
 * {@code state: history_limit} runs.
 */
public interface RunJournal extends AutoCloseable {
  /**
   * Records one entity run, then drops the oldest runs beyond the history limit.
   *
   * @throws dev.hygge.HyggeException of kind STATE when the record cannot be written
   */
  void append(RunRecord record);

  /**
   * The newest {@code count} runs that {@code filter} lets through, oldest first.
   *
   * @throws dev.hygge.HyggeException of kind STATE when the history cannot be read
   */
  List<RunRecord> last(int count, RunFilter filter);

  /** Where the history is kept, for messages. */
  String describe();

  /** Releases the backend's clients; local files hold nothing open. */
  @Override
  default void close() {}
}
