package dev.hygge.state;

import dev.hygge.storage.ObjectStores;
import java.time.Clock;

/** Opens the {@link RunJournal} that goes with a project's {@code state:} block. */
public final class RunJournals {
  private RunJournals() {}

  /**
   * The run history of {@code config}: with the entity state (a local directory, objects under the
   * state prefix, or a table beside the state table), or in {@code history_dir} when that is given.
   * The caller closes it.
   */
  public static RunJournal open(StateConfig config) {
    StateLocation location = config.location();
    if (config.history() == StateConfig.HistoryPlace.WITH_STATE) {
      if (location instanceof StateLocation.Objects objects) {
        return new ObjectRunJournal(
            ObjectStores.open(objects.target()),
            objects.target().location(),
            config.historyLimit(),
            Clock.systemUTC());
      }
      if (location instanceof StateLocation.Table table) {
        return new DatabaseRunJournal(
            table.database(), DatabaseRunJournal.tableFor(table.table()), config.historyLimit());
      }
    }
    return new LocalRunJournal(config.directory(), config.historyLimit());
  }
}
