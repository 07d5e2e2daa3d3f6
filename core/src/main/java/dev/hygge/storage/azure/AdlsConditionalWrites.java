package dev.hygge.storage.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import com.azure.storage.file.datalake.DataLakeFileClient;
import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import com.azure.storage.file.datalake.models.DataLakeRequestConditions;
import com.azure.storage.file.datalake.models.FileReadResponse;
import com.azure.storage.file.datalake.options.DataLakeFileFlushOptions;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.VersionedBytes;
import dev.hygge.storage.WriteCondition;
import dev.hygge.storage.WriteConditionFailedException;
import dev.hygge.storage.WriteOutcomeUnknownException;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Conditional writes on ADLS Gen2 (and OneLake): the bytes go to a hidden upload file, which is
 * renamed over the target with {@code If-Match: <etag>} or {@code If-None-Match: *} on the
 * destination; delete sends {@code If-Match}. 412, 409 and a missing target under {@code If-Match}
 * are a lost race; no reply, a server error, or a rename whose upload file is already gone (an
 * earlier attempt moved it and its reply was lost) leaves the outcome unknown.
 */
final class AdlsConditionalWrites {
  private static final String ANY_PATH = "*";
  private static final String ETAG_HEADER = "ETag";
  private static final String SOURCE_PATH_NOT_FOUND = "SourcePathNotFound";
  private static final int CONFLICT = 409;
  private static final int PRECONDITION_FAILED = 412;
  private static final int SERVER_ERROR = 500;

  private final AdlsObjectStore store;
  private final int attempts;

  AdlsConditionalWrites(AdlsObjectStore store, int attempts) {
    this.store = store;
    this.attempts = attempts;
  }

  Optional<VersionedBytes> read(AzureLocation location, DataLakeFileClient file) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      FileReadResponse response =
          file.readWithResponse(bytes, null, null, null, false, null, Context.NONE);
      return Optional.of(
          new VersionedBytes(bytes.toByteArray(), response.getDeserializedHeaders().getETag()));
    } catch (HttpResponseException e) {
      if (AzureFailures.status(e) == AzureFailures.NOT_FOUND
          && !AzureFailures.isMissingContainer(e)) {
        return Optional.empty();
      }
      throw AzureFailures.translate(e, "read", location, ErrorKind.HOME, attempts);
    } catch (RuntimeException e) {
      throw AzureFailures.translate(e, "read", location, ErrorKind.HOME, attempts);
    }
  }

  ObjectInfo write(
      AzureLocation location,
      DataLakeFileSystemClient fileSystem,
      byte[] bytes,
      WriteCondition condition) {
    if (condition instanceof WriteCondition.Matches matches) {
      // A rename with If-Match onto a missing path is refused by the service; checked here too.
      Optional<ObjectInfo> current = store.stat(location.location());
      if (current.isEmpty() || !current.get().version().equals(matches.version())) {
        throw conflict("write", location, condition, null);
      }
    }
    String path = location.path();
    String uploadPath =
        path.substring(0, path.lastIndexOf('/') + 1)
            + AdlsObjectStore.UPLOAD_PREFIX
            + UUID.randomUUID();
    DataLakeFileClient upload;
    try {
      upload = fileSystem.createFile(uploadPath, false);
      upload.append(com.azure.core.util.BinaryData.fromBytes(bytes), 0);
      upload.flushWithResponse(
          bytes.length, new DataLakeFileFlushOptions().setClose(true), null, Context.NONE);
    } catch (RuntimeException e) {
      deleteUpload(fileSystem, uploadPath, e);
      throw AzureFailures.translate(e, "write", location, ErrorKind.STORE, attempts);
    }
    try {
      Response<DataLakeFileClient> renamed =
          upload.renameWithResponse(null, path, null, conditions(condition), null, Context.NONE);
      String etag = renamed.getHeaders().getValue(ETAG_HEADER);
      if (etag == null) {
        return store.stat(location.location()).orElseThrow(() -> unknown("write", location, null));
      }
      return new ObjectInfo(location.location(), bytes.length, etag, Instant.now());
    } catch (RuntimeException e) {
      deleteUpload(fileSystem, uploadPath, e);
      if (e instanceof HttpResponseException http && isRenamedBefore(http)) {
        // Only this write knows its upload file: if it is gone, an earlier attempt of this
        // rename, whose reply was lost, moved it, and the object may hold these bytes now.
        throw unknown("write", location, e);
      }
      throw failure(e, "write", location, condition);
    }
  }

  private static boolean isRenamedBefore(HttpResponseException e) {
    return AzureFailures.status(e) == AzureFailures.NOT_FOUND
        && SOURCE_PATH_NOT_FOUND.equals(AzureFailures.code(e));
  }

  void delete(AzureLocation location, DataLakeFileClient file, String version) {
    WriteCondition condition = WriteCondition.matches(version);
    try {
      file.deleteWithResponse(conditions(condition), null, Context.NONE);
    } catch (RuntimeException e) {
      throw failure(e, "delete", location, condition);
    }
  }

  private void deleteUpload(DataLakeFileSystemClient fileSystem, String uploadPath, Exception e) {
    try {
      fileSystem.getFileClient(uploadPath).deleteIfExists();
    } catch (RuntimeException cleanup) {
      e.addSuppressed(cleanup);
    }
  }

  private HyggeException failure(
      RuntimeException e, String action, AzureLocation location, WriteCondition condition) {
    if (e instanceof HttpResponseException http) {
      int status = AzureFailures.status(http);
      if (status == PRECONDITION_FAILED
          || status == CONFLICT
          || (status == AzureFailures.NOT_FOUND
              && condition instanceof WriteCondition.Matches
              && !AzureFailures.isMissingContainer(http))) {
        return conflict(action, location, condition, e);
      }
      if (status >= SERVER_ERROR) {
        return unknown(action, location, e);
      }
    } else if (AzureFailures.isTransport(e)) {
      return unknown(action, location, e);
    }
    return AzureFailures.translate(e, action, location, ErrorKind.STORE, attempts);
  }

  private static DataLakeRequestConditions conditions(WriteCondition condition) {
    return condition instanceof WriteCondition.Matches matches
        ? new DataLakeRequestConditions().setIfMatch(matches.version())
        : new DataLakeRequestConditions().setIfNoneMatch(ANY_PATH);
  }

  private static WriteConditionFailedException conflict(
      String action, AzureLocation location, WriteCondition condition, Exception cause) {
    return new WriteConditionFailedException(
        "Cannot "
            + action
            + " "
            + location
            + ": it changed underneath (expected "
            + (condition instanceof WriteCondition.Matches m ? "ETag " + m.version() : "no object")
            + "); nothing was written",
        cause);
  }

  private static WriteOutcomeUnknownException unknown(
      String action, AzureLocation location, Exception cause) {
    return new WriteOutcomeUnknownException(
        "Cannot tell whether the "
            + action
            + " of "
            + location
            + " happened"
            + (cause == null ? "" : ": " + cause.getMessage())
            + ". Read it again before going on.",
        cause);
  }
}
