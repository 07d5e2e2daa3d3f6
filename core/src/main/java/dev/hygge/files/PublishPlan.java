package dev.hygge.files;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of one commit, written to the staging directory before anything becomes visible: which
 * staged files move to which final names, and which old files are deleted once they have. Carrying
 * it out is idempotent, so a publish interrupted by a crash is completed by the next run.
 *
 * @param moves staged file name to final file name, in order
 * @param deletions final file names to delete after every move
 */
record PublishPlan(List<Move> moves, List<String> deletions) {
  static final String FILE_NAME = "_PUBLISH";
  private static final String HEADER = "hygge-publish-plan 1";

  PublishPlan {
    moves = List.copyOf(requireNonNull(moves, "moves is null"));
    deletions = List.copyOf(requireNonNull(deletions, "deletions is null"));
  }

  /** One staged file and the final name it gets. */
  record Move(String staged, String published) {
    Move {
      requireNonNull(staged, "staged is null");
      requireNonNull(published, "published is null");
    }
  }

  /** Writes the plan durably (temp file, fsync, atomic rename) into {@code stagingDir}. */
  void write(Path stagingDir) throws IOException {
    Path temp = stagingDir.resolve(FILE_NAME + ".tmp");
    Files.writeString(temp, encode(), StandardCharsets.UTF_8);
    Durability.force(temp);
    Files.move(temp, stagingDir.resolve(FILE_NAME), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    Durability.force(stagingDir);
  }

  /** Reads a plan written by {@link #write}, or fails naming the file and the bad line. */
  static PublishPlan read(Path planFile) throws IOException {
    return decode(Files.readString(planFile, StandardCharsets.UTF_8), planFile.toString());
  }

  /** The plan as text: a header line, then one tab-separated line per move and deletion. */
  String encode() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    moves.forEach(
        m ->
            text.append("move\t")
                .append(m.staged())
                .append('\t')
                .append(m.published())
                .append('\n'));
    deletions.forEach(d -> text.append("delete\t").append(d).append('\n'));
    return text.toString();
  }

  /**
   * The plan {@link #encode} wrote, or a failure naming {@code source} and the bad line.
   *
   * @param source where the text was read, for messages
   */
  static PublishPlan decode(String text, String source) {
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw corrupt(source, 1);
    }
    List<Move> moves = new ArrayList<>();
    List<String> deletions = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] parts = lines.get(i).split("\t", -1);
      if (parts.length == 3 && parts[0].equals("move")) {
        moves.add(new Move(parts[1], parts[2]));
      } else if (parts.length == 2 && parts[0].equals("delete")) {
        deletions.add(parts[1]);
      } else {
        throw corrupt(source, i + 1);
      }
    }
    return new PublishPlan(moves, deletions);
  }

  private static HyggeException corrupt(String planFile, int line) {
    return new HyggeException(
        ErrorKind.STATE,
        "Publish record "
            + planFile
            + " is corrupt at line "
            + line
            + ". It records an interrupted commit: compare the staged files beside it with the"
            + " final directory, move any missing ones by hand, then delete the staging directory.");
  }
}
