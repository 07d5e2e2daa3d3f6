package dev.hygge.flow;

import java.util.Optional;

/**
 * A capability of a {@link BatchReader}: naming the local files whose rows it would produce, so a
 * store whose engine reads that format can load them itself (see {@link DirectCopy}) instead of
 * taking decoded batches. The reader is left untouched either way.
 */
public interface ReadsLocalFiles {

  /**
   * The files whose rows, all of them, are exactly what this reader would produce, with the columns
   * of {@link BatchReader#schema()} (which may be a selection of the files' columns, by name);
   * empty when that is not so: a file is not on local disk or a batch was already loaded.
   */
  Optional<LocalFileSet> localFiles();
}
