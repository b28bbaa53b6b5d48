package io.github.qtogglemqtt.app.wiring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the observer the command brought (logging, render's printer), as opposed to the one the
 * handlers get, which adds monitoring to it.
 */
@jakarta.inject.Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
@interface CommandObserver {}
