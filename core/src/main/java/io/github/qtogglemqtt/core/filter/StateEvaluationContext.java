package io.github.qtogglemqtt.core.filter;

import io.github.qtogglemqtt.core.filter.expression.EvaluationContext;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The two expression contexts of spec 4.5 over a handler's state: the rich one of {@code
 * port_value} expressions (values, attributes, merged device attributes) and the poor one of the
 * {@code expression} filter (values of enabled ports only, no attributes).
 */
final class StateEvaluationContext implements EvaluationContext {
  private final DeviceState state;
  private final boolean rich;
  private final long nowMillis;
  private final ZoneId zone;
  private @Nullable Map<String, @Nullable Object> merged;

  private StateEvaluationContext(DeviceState state, boolean rich, long nowMillis, ZoneId zone) {
    this.state = state;
    this.rich = rich;
    this.nowMillis = nowMillis;
    this.zone = zone;
  }

  static StateEvaluationContext rich(DeviceState state, long nowMillis, ZoneId zone) {
    return new StateEvaluationContext(state, true, nowMillis, zone);
  }

  static StateEvaluationContext poor(DeviceState state, long nowMillis, ZoneId zone) {
    return new StateEvaluationContext(state, false, nowMillis, zone);
  }

  @Override
  public boolean portKnown(String portId) {
    return state.portKnown(portId);
  }

  @Override
  public boolean portEnabled(String portId) {
    return state.portEnabled(portId);
  }

  @Override
  public @Nullable Object portValue(String portId) {
    if (!rich && !state.portEnabled(portId)) {
      return null;
    }
    return state.portValues().get(portId);
  }

  @Override
  public @Nullable Map<String, @Nullable Object> portAttrs(String portId) {
    return rich ? state.portAttrs().get(portId) : null;
  }

  @Override
  public @Nullable Map<String, @Nullable Object> deviceAttrs() {
    if (!rich) {
      return null;
    }
    if (merged == null) {
      merged = state.mergedDeviceAttrs();
    }
    return merged;
  }

  @Override
  public long nowMillis() {
    return nowMillis;
  }

  @Override
  public ZoneId zone() {
    return zone;
  }
}
