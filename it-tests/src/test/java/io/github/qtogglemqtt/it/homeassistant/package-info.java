/**
 * Integration tests of Home Assistant MQTT discovery (issue 9): the retained discovery configs and
 * states a late subscriber finds on a real mosquitto broker, removal, and the re-publish on Home
 * Assistant's birth message.
 */
@NullMarked
package io.github.qtogglemqtt.it.homeassistant;

import org.jspecify.annotations.NullMarked;
