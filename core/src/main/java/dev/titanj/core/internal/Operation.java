package dev.titanj.core.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the ServiceTitan operations (OpenAPI {@code operationId}s) a generated method performs.
 * Generated Retrofit interfaces carry it on every endpoint method and generated repositories on
 * every public method, so tests can prove each operation of a module is reachable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Operation {
  /** The operation ids, such as {@code Customers_GetList}. */
  String[] value();
}
