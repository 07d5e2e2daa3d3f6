package dev.hygge.csv;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out an entity's {@link CsvLayout} before any batch is read: the column names from the first
 * file with a header (or the first row's width when there is no header), the declared types, and
 * the inferred types sampled from that file's first {@code infer_rows} rows.
 */
final class CsvSchemaProbe {
  private static final String UNNAMED_COLUMN_PREFIX = "column_";

  private final CsvOptions options;
  private final String entity;

  CsvSchemaProbe(CsvOptions options, String entity) {
    this.options = options;
    this.entity = entity;
  }

  /**
   * Probes the files.
   *
   * @param requested the columns to return, in order; empty for all
   * @throws HyggeException of kind HOME for unreadable files, duplicate or unknown columns, and of
   *     kind CONFIG for declared columns the files do not have
   */
  CsvLayout probe(List<CsvSource> files, List<String> requested) {
    for (CsvSource file : files) {
      try (CsvFileInput input = CsvFileInput.open(file, options, entity)) {
        Optional<List<String>> columns = columnsOf(input);
        if (columns.isPresent()) {
          return layout(input, columns.get(), requested);
        }
      } catch (CsvRecordTooLongException e) {
        throw HyggeException.home(
            "Cannot read entity " + entity + ": in " + file.name() + ", " + e.getMessage(), e);
      } catch (IOException e) {
        throw HyggeException.home(
            "Cannot read entity "
                + entity
                + ": cannot read "
                + file.name()
                + ": "
                + e
                + "; check the file and its 'encoding:'",
            e);
      }
    }
    if (options.schema().isEmpty()) {
      throw new HyggeException(
          ErrorKind.HOME,
          "Cannot read entity "
              + entity
              + ": no file matching '"
              + options.path()
              + "' has "
              + (options.header() ? "a header line" : "a row")
              + ", so its columns are unknown; declare them in 'schema:'");
    }
    List<String> declared = List.copyOf(options.schema().keySet());
    return build(
        declared,
        select(declared, requested),
        new CsvTypeInference(declared.size()),
        Optional.empty(),
        files.get(0).name());
  }

  /** The file's column names; empty when the file has no header line (or no row) at all. */
  private Optional<List<String>> columnsOf(CsvFileInput input) throws IOException {
    if (input.header().isPresent()) {
      List<String> header = input.header().get();
      if (header.isEmpty()) {
        return Optional.empty();
      }
      List<String> columns = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i).isBlank() ? UNNAMED_COLUMN_PREFIX + (i + 1) : header.get(i);
        if (!seen.add(name)) {
          throw new HyggeException(
              ErrorKind.HOME,
              "Cannot read entity "
                  + entity
                  + ": the header of "
                  + input.displayName()
                  + " names column '"
                  + name
                  + "' twice; give each column a unique name");
        }
        columns.add(name);
      }
      return Optional.of(columns);
    }
    if (!input.parser().next()) {
      return Optional.empty();
    }
    List<String> declared = List.copyOf(options.schema().keySet());
    int width = input.parser().record().fieldCount();
    if (declared.size() > width) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          "Cannot read entity "
              + entity
              + ": 'schema:' declares "
              + declared.size()
              + " columns "
              + declared
              + " but the first row of "
              + input.displayName()
              + " has "
              + width
              + " fields; with header: false the declared columns name the fields in order");
    }
    List<String> columns = new ArrayList<>(declared);
    for (int i = declared.size(); i < width; i++) {
      columns.add(UNNAMED_COLUMN_PREFIX + (i + 1));
    }
    return Optional.of(columns);
  }

  private CsvLayout layout(CsvFileInput input, List<String> columns, List<String> requested)
      throws IOException {
    Set<String> missing = new LinkedHashSet<>(options.schema().keySet());
    columns.forEach(missing::remove);
    if (!missing.isEmpty()) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          "Cannot read entity "
              + entity
              + ": 'schema:' declares "
              + (missing.size() == 1 ? "column " : "columns ")
              + String.join(", ", missing)
              + " but the header of "
              + input.displayName()
              + " has only "
              + String.join(", ", columns)
              + "; fix the names in 'schema:'");
    }
    List<Integer> selected = select(columns, requested);
    List<Integer> toInfer = new ArrayList<>();
    for (int index : selected) {
      if (!options.schema().containsKey(columns.get(index))) {
        toInfer.add(index);
      }
    }
    CsvTypeInference inference = new CsvTypeInference(columns.size());
    if (!toInfer.isEmpty()) {
      sample(input, columns.size(), toInfer, inference);
    }
    return build(columns, selected, inference, input.header(), input.displayName());
  }

  private CsvLayout build(
      List<String> columns,
      List<Integer> selected,
      CsvTypeInference inference,
      Optional<List<String>> header,
      String headerFile) {
    Map<String, CsvColumnType> declared = options.schema();
    List<CsvColumnType> types = new ArrayList<>();
    Set<String> inferred = new HashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      CsvColumnType type = declared.get(columns.get(i));
      if (type == null) {
        type = inference.type(i);
        inferred.add(columns.get(i));
      }
      types.add(type);
    }
    return new CsvLayout(
        columns, types, inferred, selected, header, headerFile, options.inferRows());
  }

  /** Feeds up to infer_rows well-formed rows, including a current first row, to the inference. */
  private void sample(
      CsvFileInput input, int width, List<Integer> toInfer, CsvTypeInference inference)
      throws IOException {
    CsvRecordParser parser = input.parser();
    CsvRecord record = parser.record();
    NullValues nulls = new NullValues(options.nullValues());
    boolean current = input.header().isEmpty();
    for (int rows = 0; rows < options.inferRows(); rows++) {
      if (!current && !parser.next()) {
        return;
      }
      current = false;
      if (record.problem() != null || record.fieldCount() != width) {
        continue;
      }
      for (int index : toInfer) {
        boolean escaped = record.escaped(index);
        byte[] bytes = escaped ? record.unescape(index) : record.buffer();
        int start = escaped ? 0 : record.start(index);
        int end = escaped ? record.unescapedLength() : record.end(index);
        if (record.quoted(index) || !nulls.matches(bytes, start, end)) {
          inference.observe(index, bytes, start, end);
        }
      }
    }
  }

  private List<Integer> select(List<String> columns, List<String> requested) {
    List<Integer> selected = new ArrayList<>();
    if (requested.isEmpty()) {
      for (int i = 0; i < columns.size(); i++) {
        selected.add(i);
      }
      return selected;
    }
    for (String name : requested) {
      int index = columns.indexOf(name);
      if (index < 0) {
        throw new HyggeException(
            ErrorKind.HOME,
            "Cannot read entity "
                + entity
                + ": column '"
                + name
                + "' is not in the CSV files at '"
                + options.path()
                + "'; available columns: "
                + String.join(", ", columns));
      }
      selected.add(index);
    }
    return selected;
  }
}
