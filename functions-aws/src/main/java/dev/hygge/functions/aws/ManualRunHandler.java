package dev.hygge.functions.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.ProjectLoader;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.ManualRun;
import dev.hygge.invoke.RunReportView;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Lambda handler for a manual run: {@code {"flow": "sales", "entity": "orders"}} in, the run
 * report out. A bad request or invalid project fails the invocation with {@link
 * InvalidRunRequestException}; a failed entity is reported with {@code succeeded=false}.
 */
public final class ManualRunHandler implements RequestHandler<ManualRun, RunReportView> {
  private final Path projectDir;

  ManualRunHandler(@ConfigProperty(name = "hygge.project", defaultValue = ".") String projectDir) {
    this.projectDir = Path.of(projectDir);
  }

  @Override
  public RunReportView handleRequest(ManualRun request, Context context) {
    try {
      Invocation invocation = ManualRun.invocationOf(request);
      return RunReportView.of(new FlowInvoker(ProjectLoader.load(projectDir)).invoke(invocation));
    } catch (HyggeException e) {
      if (e.kind() == ErrorKind.CONFIG) {
        throw new InvalidRunRequestException(e);
      }
      throw e;
    }
  }
}
