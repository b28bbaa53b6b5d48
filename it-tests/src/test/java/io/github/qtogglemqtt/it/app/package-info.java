/**
 * The assembled application as a user runs it: the executable jar started as a process, its exit
 * statuses and output, and end to end through real brokers.
 */
@NullMarked
package io.github.qtogglemqtt.it.app;

import org.jspecify.annotations.NullMarked;
