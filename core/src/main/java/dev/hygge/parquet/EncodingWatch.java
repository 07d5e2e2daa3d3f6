package dev.hygge.parquet;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriteStore;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.statistics.geospatial.GeospatialStatistics;

/**
 * Passes a row group's pages on to parquet-mr's page store and remembers the columns that wrote a
 * data page without their dictionary: parquet-mr tried a dictionary and fell back to plain values
 * (too many distinct values). {@link ArrowParquetWriter} skips the dictionary attempt for those
 * columns in the file's later row groups.
 */
final class EncodingWatch implements PageWriteStore {
  private final PageWriteStore pages;
  private final Set<ColumnDescriptor> plain = new HashSet<>();

  EncodingWatch(PageWriteStore pages) {
    this.pages = pages;
  }

  /** The columns that wrote at least one data page of plain (not dictionary) values. */
  Set<ColumnDescriptor> plainColumns() {
    return Set.copyOf(plain);
  }

  @Override
  public PageWriter getPageWriter(ColumnDescriptor path) {
    return new Watched(path, pages.getPageWriter(path));
  }

  private void seen(ColumnDescriptor path, Encoding values) {
    if (!values.usesDictionary()) {
      plain.add(path);
    }
  }

  /** One column's page writer, watched. */
  private final class Watched implements PageWriter {
    private final ColumnDescriptor path;
    private final PageWriter writer;

    Watched(ColumnDescriptor path, PageWriter writer) {
      this.path = path;
      this.writer = writer;
    }

    @Override
    @SuppressWarnings("deprecation")
    public void writePage(
        BytesInput bytes,
        int valueCount,
        Statistics<?> statistics,
        Encoding rlEncoding,
        Encoding dlEncoding,
        Encoding valuesEncoding)
        throws IOException {
      seen(path, valuesEncoding);
      writer.writePage(bytes, valueCount, statistics, rlEncoding, dlEncoding, valuesEncoding);
    }

    @Override
    public void writePage(
        BytesInput bytes,
        int valueCount,
        int rowCount,
        Statistics<?> statistics,
        Encoding rlEncoding,
        Encoding dlEncoding,
        Encoding valuesEncoding)
        throws IOException {
      seen(path, valuesEncoding);
      writer.writePage(
          bytes, valueCount, rowCount, statistics, rlEncoding, dlEncoding, valuesEncoding);
    }

    @Override
    public void writePage(
        BytesInput bytes,
        int valueCount,
        int rowCount,
        Statistics<?> statistics,
        SizeStatistics sizeStatistics,
        Encoding rlEncoding,
        Encoding dlEncoding,
        Encoding valuesEncoding)
        throws IOException {
      seen(path, valuesEncoding);
      writer.writePage(
          bytes,
          valueCount,
          rowCount,
          statistics,
          sizeStatistics,
          rlEncoding,
          dlEncoding,
          valuesEncoding);
    }

    @Override
    public void writePage(
        BytesInput bytes,
        int valueCount,
        int rowCount,
        Statistics<?> statistics,
        SizeStatistics sizeStatistics,
        GeospatialStatistics geospatialStatistics,
        Encoding rlEncoding,
        Encoding dlEncoding,
        Encoding valuesEncoding)
        throws IOException {
      seen(path, valuesEncoding);
      writer.writePage(
          bytes,
          valueCount,
          rowCount,
          statistics,
          sizeStatistics,
          geospatialStatistics,
          rlEncoding,
          dlEncoding,
          valuesEncoding);
    }

    @Override
    public void writePageV2(
        int rowCount,
        int nullCount,
        int valueCount,
        BytesInput repetitionLevels,
        BytesInput definitionLevels,
        Encoding dataEncoding,
        BytesInput data,
        Statistics<?> statistics)
        throws IOException {
      seen(path, dataEncoding);
      writer.writePageV2(
          rowCount,
          nullCount,
          valueCount,
          repetitionLevels,
          definitionLevels,
          dataEncoding,
          data,
          statistics);
    }

    @Override
    public void writePageV2(
        int rowCount,
        int nullCount,
        int valueCount,
        BytesInput repetitionLevels,
        BytesInput definitionLevels,
        Encoding dataEncoding,
        BytesInput data,
        Statistics<?> statistics,
        SizeStatistics sizeStatistics)
        throws IOException {
      seen(path, dataEncoding);
      writer.writePageV2(
          rowCount,
          nullCount,
          valueCount,
          repetitionLevels,
          definitionLevels,
          dataEncoding,
          data,
          statistics,
          sizeStatistics);
    }

    @Override
    public void writePageV2(
        int rowCount,
        int nullCount,
        int valueCount,
        BytesInput repetitionLevels,
        BytesInput definitionLevels,
        Encoding dataEncoding,
        BytesInput data,
        Statistics<?> statistics,
        SizeStatistics sizeStatistics,
        GeospatialStatistics geospatialStatistics)
        throws IOException {
      seen(path, dataEncoding);
      writer.writePageV2(
          rowCount,
          nullCount,
          valueCount,
          repetitionLevels,
          definitionLevels,
          dataEncoding,
          data,
          statistics,
          sizeStatistics,
          geospatialStatistics);
    }

    @Override
    public long getMemSize() {
      return writer.getMemSize();
    }

    @Override
    public long allocatedSize() {
      return writer.allocatedSize();
    }

    @Override
    public void writeDictionaryPage(DictionaryPage dictionaryPage) throws IOException {
      writer.writeDictionaryPage(dictionaryPage);
    }

    @Override
    public String memUsageString(String prefix) {
      return writer.memUsageString(prefix);
    }

    @Override
    public void close() {
      writer.close();
    }
  }
}
