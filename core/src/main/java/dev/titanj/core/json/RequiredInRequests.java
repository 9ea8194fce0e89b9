package dev.titanj.core.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a record that responses and requests share (an address, an external-data
 * entry) that the API requires when the record is sent. Reads stay tolerant (the field is
 * optional there); a {@link TitanRequest} holding the record fails to build without it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiredInRequests {}
