package dev.hygge.state;

import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.SupportsConditionalWrite;
import dev.hygge.storage.VersionedBytes;
import dev.hygge.storage.WriteCondition;
import dev.hygge.storage.local.LocalObjectStore;
import java.util.Optional;

/**
 * Local files where a rival writer slips in between a state store's read and its conditional write:
 * the next {@link #writeIf} first replaces the object with the rival's bytes, as another process
 * would.
 */
final class RivalWriterStore implements ObjectStore, SupportsConditionalWrite {
  private final LocalObjectStore files = new LocalObjectStore();
  private byte[] rival;

  /** Makes the next conditional write race against a rival that writes {@code bytes} first. */
  void rivalWritesNext(byte[] bytes) {
    rival = bytes.clone();
  }

  @Override
  public Optional<VersionedBytes> readVersioned(Location location) {
    return files.readVersioned(location);
  }

  @Override
  public ObjectInfo writeIf(Location location, byte[] bytes, WriteCondition condition) {
    if (rival != null) {
      byte[] first = rival;
      rival = null;
      String current = files.readVersioned(location).orElseThrow().version();
      files.writeIf(location, first, WriteCondition.matches(current));
    }
    return files.writeIf(location, bytes, condition);
  }

  @Override
  public void deleteIf(Location location, String version) {
    files.deleteIf(location, version);
  }

  @Override
  public InputObject open(Location location) {
    return files.open(location);
  }

  @Override
  public OutputObject create(Location location) {
    return files.create(location);
  }

  @Override
  public OutputObject createOrOverwrite(Location location) {
    return files.createOrOverwrite(location);
  }

  @Override
  public Optional<ObjectInfo> stat(Location location) {
    return files.stat(location);
  }

  @Override
  public void delete(Location location) {
    files.delete(location);
  }

  @Override
  public void close() {
    files.close();
  }
}
