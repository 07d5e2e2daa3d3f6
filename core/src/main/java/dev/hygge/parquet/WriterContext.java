package dev.hygge.parquet;

import org.apache.parquet.column.ColumnWriter;

/**
 * Where a leaf writer writes: its column writer, the column's maximum definition level and whether
 * the Arrow field may hold nulls.
 */
record WriterContext(ColumnWriter column, int definitionLevel, boolean nullable) {}
