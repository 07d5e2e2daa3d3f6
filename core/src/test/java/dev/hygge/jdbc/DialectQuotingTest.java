package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Identifiers are double-quoted with inner quotes doubled; schema.table names split once. */
class DialectQuotingTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void quotesSpacesQuotesCaseAndReservedWords(TestDatabase db) {
    Dialect dialect = db.dialect();

    assertThat(dialect.quote("order")).isEqualTo("\"order\"");
    assertThat(dialect.quote("Mixed Case")).isEqualTo("\"Mixed Case\"");
    assertThat(dialect.quote("a\"b\"")).isEqualTo("\"a\"\"b\"\"\"");
    assertThat(dialect.quote(TableName.parse("Sales Data.My \"T\"")))
        .isEqualTo("\"Sales Data\".\"My \"\"T\"\"\"");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void tableNamesSplitAtTheFirstDot(TestDatabase db) {
    assertThat(TableName.parse("orders")).isEqualTo(new TableName(Optional.empty(), "orders"));
    assertThat(TableName.parse("raw.orders.v2"))
        .isEqualTo(new TableName(Optional.of("raw"), "orders.v2"));
    assertThat(TableName.parse(".hidden")).isEqualTo(new TableName(Optional.empty(), ".hidden"));
    assertThat(db.dialect().quote(TableName.parse("raw.orders"))).isEqualTo("\"raw\".\"orders\"");
  }
}
