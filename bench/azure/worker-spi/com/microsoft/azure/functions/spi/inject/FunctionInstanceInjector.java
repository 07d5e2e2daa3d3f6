package com.microsoft.azure.functions.spi.inject;

/**
 * The Azure Functions Java worker's instance-injection SPI (artifact
 * com.microsoft.azure.functions:azure-functions-java-spi, provided by the worker and not served by
 * the Maven registry here), as its one method: the cold-start harness compiles against this copy.
 */
public interface FunctionInstanceInjector {
  /** The instance of a function class whose entry point the worker calls. */
  <T> T getInstance(Class<T> functionClass) throws Exception;
}
