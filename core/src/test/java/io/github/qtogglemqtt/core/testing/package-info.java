/**
 * Hand-written fakes of the core's ports, published in the core's test-jar for adapters, the app
 * and it-tests: a broker publisher with controllable connection and completion, a recording
 * observer, a minimal template engine, a JSON encoder that is the byte-exact oracle of spec 7.7, a
 * settable clock, and a throw-away PKI (CA, server and client certificates as PEM files made with
 * keytool at test time) for TLS tests.
 */
@NullMarked
package io.github.qtogglemqtt.core.testing;

import org.jspecify.annotations.NullMarked;
