package dev.titanj.core.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a {@link TitanRequest} that the API accepts as JSON {@code null}: the
 * request's builder has a {@code clearX()} method that sends {@code "x": null} to clear it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Clearable {}
