package dev.hygge.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFilesTest {
  @TempDir Path root;
  private final LocalFiles parquet = new LocalFiles("Parquet", "parquet");

  @BeforeEach
  void files() throws IOException {
    for (String name :
        List.of(
            "landing/orders/b.parquet",
            "landing/orders/a.parquet",
            "landing/orders/2024/c.parquet",
            "landing/orders/notes.txt",
            "landing/orders/_SUCCESS.parquet",
            "landing/orders/.hidden.parquet",
            "landing/orders/_staging/x.parquet",
            "landing/orders/.hygge-staging/y.parquet",
            "landing/customers/a.parquet")) {
      Path file = root.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, name);
    }
  }

  private List<String> match(String written) {
    return parquet.match(root.resolve(written), written, "shop.orders").stream()
        .map(p -> root.relativize(p).toString())
        .toList();
  }

  @Test
  void aDirectoryGivesEveryVisibleFileOfTheFormatBelowItSorted() {
    assertThat(match("landing/orders"))
        .containsExactly(
            "landing/orders/2024/c.parquet",
            "landing/orders/a.parquet",
            "landing/orders/b.parquet");
  }

  @Test
  void globsMatchBelowTheirFixedPrefixAndSkipHiddenNames() {
    assertThat(match("landing/orders/*.parquet"))
        .containsExactly("landing/orders/a.parquet", "landing/orders/b.parquet");
    assertThat(match("landing/**/a.parquet"))
        .containsExactly("landing/customers/a.parquet", "landing/orders/a.parquet");
    assertThat(match("landing/*/[ab].parquet")).hasSize(3);
    assertThat(match("landing/orders/**"))
        .as("a glob without extension means files of the format")
        .containsExactly(
            "landing/orders/2024/c.parquet",
            "landing/orders/a.parquet",
            "landing/orders/b.parquet");
  }

  @Test
  void aFileIsItselfEvenWithAnotherExtension() {
    assertThat(match("landing/orders/notes.txt")).containsExactly("landing/orders/notes.txt");
  }

  @Test
  void nothingMatchedNamesWhatWasWrittenAndWhereItResolved() {
    assertThatThrownBy(() -> match("landing/none/*.parquet"))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith(
            "Cannot read entity shop.orders: no Parquet files match 'landing/none/*.parquet'"
                + " (resolved to "
                + root.resolve("landing/none/*.parquet"))
        .hasMessageEndingWith(
            "Check 'path:' of the home: it takes a file, a directory of *.parquet files or a glob"
                + " such as landing/orders/*.parquet.")
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.HOME));
  }
}
