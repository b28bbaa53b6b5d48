#!/usr/bin/env python3
"""Regenerates cases.json: what real Jinja2 3.x prints for each template of the corpus.

Run from this directory:  python3 generate.py   (needs Debian's python3-jinja2).
The Java test (Jinja2CorpusTest) reads cases.json and needs no Python.

A context is JSON; objects of spec 6.6 are written as {"$port": {...}}, {"$device": {...}},
{"$slave": {...}}, {"$event": {...}} and {"$moment": "ISO date-time"}, and become the small
classes below here and the matching TemplateObject doubles in the Java test.
A case marked "refused" is valid Jinja2 that the Pebble engine refuses at compile time, on
purpose (see the README); its Jinja2 output is recorded for reference.
"""
import datetime
import json
import sys

import jinja2

MISSING = object()


def py_str_value(v):
    return str(v)


class Port:
    def __init__(self, spec):
        self.attrs = spec["attrs"]
        self.value = spec.get("value")

    def __str__(self):
        return "<Port %s>" % self.attrs["id"]

    def get_id(self):
        return self.attrs["id"]

    def get_type(self):
        return self.attrs.get("type")

    def get_pretty_name(self):
        return self.attrs.get("display_name") or self.attrs["id"]

    def get_attr(self, name):
        return self.attrs.get(name)

    def get_attrs(self):
        return self.attrs

    def get_last_value(self):
        return self.value

    def is_enabled(self):
        return bool(self.attrs.get("enabled"))

    def get_pretty_value(self, v=MISSING):
        if v is MISSING:
            v = self.value
        if v is None:
            return "unknown"
        for choice in self.attrs.get("choices") or []:
            if choice["value"] == v:
                return choice["display_name"]
        if self.attrs.get("type") == "boolean":
            text = "on" if v else "off"
        else:
            text = str(v)
        return text + (self.attrs.get("unit") or "")


class Device:
    def __init__(self, spec):
        self.attrs = spec["attrs"]

    def __str__(self):
        return "<Device %s>" % self.attrs["name"]

    def get_pretty_name(self):
        return self.attrs.get("display_name") or self.attrs["name"]


class Slave:
    def __init__(self, spec):
        self.spec = spec

    def __str__(self):
        return "<Slave %s>" % self.spec["name"]

    def get_name(self):
        return self.spec["name"]

    def get_pretty_name(self):
        return self.spec.get("display_name") or self.spec["name"]

    def get_url(self):
        port = self.spec["port"]
        default = (self.spec["scheme"] == "http" and port == 80) or (
            self.spec["scheme"] == "https" and port == 443)
        return "%s://%s%s%s" % (self.spec["scheme"], self.spec["host"],
                                "" if default else ":%d" % port, self.spec["path"])

    def is_online(self):
        return self.spec["online"]


class Event:
    def __init__(self, spec):
        self.spec = spec
        if "old_value" in spec:
            self.old_value = spec["old_value"]
        if "new_value" in spec:
            self.new_value = spec["new_value"]

    def __str__(self):
        return "%s event" % self.spec["type"]

    def get_type(self):
        return self.spec["type"]

    def get_timestamp(self):
        return self.spec["timestamp"]

    def get_params(self):
        return self.spec.get("params")


def decode(value):
    if isinstance(value, dict):
        if len(value) == 1:
            (key, inner), = value.items()
            if key == "$port":
                return Port(inner)
            if key == "$device":
                return Device(inner)
            if key == "$slave":
                return Slave(inner)
            if key == "$event":
                return Event(inner)
            if key == "$moment":
                return datetime.datetime.fromisoformat(inner)
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


TEMP = {"$port": {"attrs": {"id": "temp", "display_name": "Temp", "type": "number", "unit": "\u00b0C",
                            "enabled": True}, "value": 21.5}}
RELAY = {"$port": {"attrs": {"id": "relay1", "display_name": "", "type": "boolean", "enabled": False},
                   "value": True}}
MODE = {"$port": {"attrs": {"id": "mode", "display_name": "Mode", "type": "number", "choices": [
    {"value": 1, "display_name": "Eco"}, {"value": 2, "display_name": "Comfort"}]}, "value": 2}}
HUB = {"name": "hub", "display_name": "Home Hub", "version": "0.0.0", "shed:online": True,
       "shed:display_name": "Shed", "uptime": 86400, "cpu_usage": 4.5, "flags": ["expressions", "listen"]}
SHED = {"$slave": {"name": "shed", "display_name": "Shed", "scheme": "http", "host": "10.0.0.7", "port": 80,
                   "path": "/api", "online": True}}
VC = {"event": {"$event": {"type": "value-change", "timestamp": 1718000000.25, "old_value": False,
                           "new_value": True, "params": {"id": "relay1", "value": True}}},
      "type": "value-change", "timestamp": 1718000000.25,
      "moment": {"$moment": "2024-06-10T06:13:20.250000"}, "pretty_moment": "Mon Jun 10 06:13:20 2024",
      "public_url": None, "device_attrs": HUB, "port_values": {"temp": 21.5, "relay1": True},
      "metadata": {}, "port": RELAY, "old_value": False, "new_value": True,
      "attrs": {"id": "relay1", "type": "boolean"}}
NUM = {"i": 7, "neg": -3, "z": 0, "f": 21.5, "g": 21.0, "h": 0.1, "e": 1e16, "s": "Hub", "n": None,
       "t": True, "no": False, "l": [1, "x", None, 2.5, True], "m": {"a": 1, "b": [1, 2], "c": None},
       "empty": "", "el": [], "em": {}, "big": 12345678901234567890123, "u": "\u00b0C \U0001F600"}

CASES = [
    # --- plain text and newlines ---
    ("text.plain", "qtoggle/hub", {}),
    ("text.trailing_newline_dropped", "hello\n", {}),
    ("text.only_one_trailing_newline_dropped", "hello\n\n", {}),
    ("text.crlf_normalized", "a\r\nb\r\n", {}),
    ("text.html_not_escaped", "<b>&amp;</b> {{ s }}", {"s": "<i>'x' & \"y\"</i>"}),
    ("text.braces_alone", "{ not a tag } and {x}", {}),
    ("text.comment", "a{# a comment {{ x }} #}b", {}),
    ("text.raw_block", "{% raw %}{{ not rendered }}{% endraw %}", {}),
    ("text.whitespace_control", "a  {{- s -}}  b\n{%- if true %} c{% endif %}", {"s": "X"}),
    ("text.unicode", "{{ u }} \u00e9", NUM),
    # --- printing values ---
    ("print.none", "{{ n }}", NUM),
    ("print.true_false", "{{ t }} {{ no }}", NUM),
    ("print.ints", "{{ i }} {{ neg }} {{ z }} {{ big }}", NUM),
    ("print.floats", "{{ f }} {{ g }} {{ h }} {{ e }}", NUM),
    ("print.float_sum", "{{ 0.1 + 0.2 }}", {}),
    ("print.small_float", "{{ 0.00001 }} {{ 0.0001 }} {{ 1e-7 }}", {}),
    ("print.large_float", "{{ 1e15 }} {{ 1e16 }} {{ 12345678901234567.0 }}", {}),
    ("print.negative_zero", "{{ -0.0 }}", {}),
    ("print.string", "{{ s }}", NUM),
    ("print.empty_string", "[{{ empty }}]", NUM),
    ("print.list", "{{ l }}", NUM),
    ("print.map", "{{ m }}", NUM),
    ("print.empty_containers", "{{ el }} {{ em }}", NUM),
    ("print.nested_quotes", "{{ q }}", {"q": ["it's", "say \"hi\"", "both ' \""]}),
    ("print.list_of_maps", "{{ x }}", {"x": [{"a": None}, {"b": [True]}]}),
    ("print.unicode_in_list", "{{ x }}", {"x": ["\u00b0C", "tab\there"]}),
    ("print.literal_list", "{{ [1, 'a', none, true, 1.5] }}", {}),
    ("print.literal_map", "{{ {'b': 1, 'a': 'x'} }}", {}),
    ("print.int_from_json_float", "{{ x }}", {"x": 1718000000.25}),
    ("print.moment", "{{ moment }}", VC),
    ("print.moment_no_fraction", "{{ m }}", {"m": {"$moment": "2024-06-04T06:13:20"}}),
    # --- undefined ---
    ("undefined.variable_prints_empty", "[{{ nope }}]", {}),
    ("undefined.map_key_prints_empty", "[{{ device_attrs.nope }}]", VC),
    ("undefined.attribute_of_undefined_fails", "{{ nope.x }}", {}),
    ("undefined.subscript_of_undefined_fails", "{{ nope['x'] }}", {}),
    ("undefined.call_of_undefined_fails", "{{ nope() }}", {}),
    ("undefined.nested_missing_fails", "{{ device_attrs.nope.x }}", VC),
    ("undefined.attribute_of_none_prints_empty", "[{{ n.x }}]", NUM),
    ("undefined.for_over_undefined", "[{% for x in nope %}{{ x }}{% endfor %}]", {}),
    ("undefined.concat", "[{{ 'a' ~ nope ~ 'b' }}]", {}),
    ("undefined.arithmetic_fails", "{{ nope + 1 }}", {}),
    ("undefined.compare_fails", "{{ nope > 1 }}", {}),
    ("undefined.equals_itself", "{{ nope == nope2 }} {{ nope == none }}", {}),
    ("undefined.if_is_false", "{% if nope %}y{% else %}n{% endif %}", {}),
    ("undefined.length_zero", "{{ nope|length }}", {}),
    # --- lookup rules ---
    ("lookup.dot", "{{ device_attrs.name }}", VC),
    ("lookup.subscript", "{{ device_attrs['name'] }}", VC),
    ("lookup.colon_key", "{{ device_attrs['shed:online'] }}", VC),
    ("lookup.dash_key", "{{ x['a-b'] }}", {"x": {"a-b": 5}}),
    ("lookup.map_method_name_dot_is_method", "{% if x.items %}method{% endif %} {{ x['items'] }}",
     {"x": {"items": 3}}),
    ("lookup.map_keys_subscript", "{{ x['keys'] }}|{{ x['get'] }}", {"x": {"keys": 1, "get": 2}}),
    ("lookup.map_get_method", "{{ x.get('a') }} {{ x.get('zz') }} {{ x.get('zz', 'dflt') }}",
     {"x": {"a": 1}}),
    ("lookup.map_items_loop", "{% for k, v in x.items() %}{{ k }}={{ v }};{% endfor %}",
     {"x": {"a": 1, "b": None}}),
    ("lookup.map_keys_values", "{{ x.keys()|list }} {{ x.values()|list }}", {"x": {"a": 1, "b": 2}}),
    ("lookup.list_index", "{{ l[0] }} {{ l[-1] }} [{{ l[9] }}]", NUM),
    ("lookup.list_dot_index", "{{ l.1 }}", NUM),
    ("lookup.string_index", "{{ s[0] }}{{ s[-1] }}", NUM),
    ("lookup.dynamic_key", "{{ port_values[port.get_id()] }}", dict(VC, port=TEMP)),
    ("lookup.variable_key", "{% set k = 'temp' %}{{ port_values[k] }}", VC),
    ("lookup.nested", "{{ x.a.b.c }}", {"x": {"a": {"b": {"c": "deep"}}}}),
    ("lookup.int_key_on_map", "[{{ x[1] }}]", {"x": {"1": "one"}}),
    # --- context objects (spec 6.6) ---
    ("object.port_id", "{{ port.get_id() }}", VC),
    ("object.port_pretty_name_fallback", "{{ port.get_pretty_name() }}", VC),
    ("object.port_pretty_name", "{{ port.get_pretty_name() }}", {"port": TEMP}),
    ("object.port_pretty_value_number", "{{ port.get_pretty_value() }}", {"port": TEMP}),
    ("object.port_pretty_value_boolean", "{{ port.get_pretty_value() }}", VC),
    ("object.port_pretty_value_argument", "{{ port.get_pretty_value(old_value) }}", VC),
    ("object.port_pretty_value_none", "{{ port.get_pretty_value(none) }}", {"port": TEMP}),
    ("object.port_pretty_value_choice", "{{ port.get_pretty_value() }} {{ port.get_pretty_value(1) }}",
     {"port": MODE}),
    ("object.port_type_and_attr", "{{ port.get_type() }} {{ port.get_attr('unit') }} {{ port.get_attr('x') }}",
     {"port": TEMP}),
    ("object.port_enabled", "{{ port.is_enabled() }}", {"port": RELAY}),
    ("object.port_printed", "{{ port }}", {"port": TEMP}),
    ("object.port_missing_method_fails", "{{ port.get_display_name() }}", {"port": TEMP}),
    ("object.device_pretty_name", "{{ device.get_pretty_name() }}", {"device": {"$device": {"attrs": HUB}}}),
    ("object.slave_names", "{{ slave.get_name() }}/{{ slave.get_pretty_name() }}", {"slave": SHED}),
    ("object.slave_url", "{{ slave.get_url() }} {{ slave.is_online() }}", {"slave": SHED}),
    ("object.event_type", "{{ event.get_type() }} {{ event.get_timestamp() }}", VC),
    ("object.event_attributes", "{{ event.old_value }}->{{ event.new_value }}", VC),
    ("object.event_params", "{{ event.get_params()['id'] }}", VC),
    ("object.moment_fields", "{{ moment.year }}-{{ moment.month }}-{{ moment.day }} {{ moment.hour }}:{{ moment.minute }}",
     VC),
    ("object.moment_strftime", "{{ moment.strftime('%Y-%m-%d %H:%M:%S') }}", VC),
    ("object.if_port", "{{ port.get_id() if port else '' }}", VC),
    ("object.if_no_port", "[{{ port.get_id() if port else '' }}]", {"port": None}),
    # --- statements ---
    ("stmt.if", "{% if t %}yes{% endif %}", NUM),
    ("stmt.if_else", "{% if no %}yes{% else %}no{% endif %}", NUM),
    ("stmt.elif", "{% for v in [5, 15, 25] %}{% if v > 20 %}hot{% elif v > 10 %}warm{% else %}cold{% endif %} {% endfor %}",
     {}),
    ("stmt.if_truthiness", "{% for v in [0, 0.0, '', [], {}, none, '0', 1, 'x', [0]] %}{{ 'T' if v else 'F' }}{% endfor %}",
     {}),
    ("stmt.for_list", "{% for x in l %}[{{ x }}]{% endfor %}", NUM),
    ("stmt.for_map_keys", "{% for k in m %}{{ k }} {% endfor %}", NUM),
    ("stmt.for_string", "{% for c in 'abc' %}{{ c }}.{% endfor %}", {}),
    ("stmt.for_else", "{% for x in el %}{{ x }}{% else %}empty{% endfor %}", NUM),
    ("stmt.for_loop_vars", "{% for x in 'ab' %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }};{% endfor %}",
     {}),
    ("stmt.for_nested", "{% for a in [1, 2] %}{% for b in [3, 4] %}{{ a * b }} {% endfor %}{% endfor %}", {}),
    ("stmt.for_range", "{% for i in range(3) %}{{ i }}{% endfor %} {% for i in range(1, 10, 4) %}{{ i }}{% endfor %}",
     {}),
    ("stmt.for_loop_cycle", "{% for x in [1, 2, 3] %}{{ loop.cycle('a', 'b') }}{% endfor %}", {}),
    ("stmt.set", "{% set x = 1 + 2 %}{{ x }}", {}),
    ("stmt.set_in_loop_does_not_leak", "{% set x = 1 %}{% for i in [1] %}{% set x = 2 %}{% endfor %}{{ x }}", {}),
    ("stmt.set_shadows_context", "{% set s = 'local' %}{{ s }}", NUM),
    ("stmt.set_none", "{% set x = none %}{{ x }} {{ x is none }}", {}),
    ("stmt.multiline", "{% if t %}\nline\n{% endif %}\nend\n", NUM),
    ("stmt.whitespace_trim_blocks", "{% for x in [1, 2] -%}\n  {{ x }}\n{%- endfor %}", {}),
    # --- literals and operators ---
    ("literal.none_variants", "{{ None }} {{ none }}", {}),
    ("literal.bool_variants", "{{ True }} {{ true }} {{ False }} {{ false }}", {}),
    ("literal.strings", "{{ 'single' }} {{ \"double\" }} {{ 'it\\'s' }}", {}),
    ("literal.string_escapes", "{{ 'a\\nb\\tc\\\\d' }}", {}),
    ("literal.string_unicode_escape", "{{ '\\u00b0C' }}", {}),
    ("literal.numbers", "{{ 42 }} {{ 4.5 }} {{ 1_000 }} {{ 1e3 }} {{ 2.5e-3 }}", {}),
    ("op.concat", "{{ 'a' ~ 1 ~ 2.0 ~ none ~ true }}", {}),
    ("op.add", "{{ 1 + 2 }} {{ 1 + 2.0 }} {{ 'a' + 'b' }} {{ [1] + [2] }} {{ true + 1 }}", {}),
    ("op.sub_mul", "{{ 5 - 7 }} {{ 2 * 3 }} {{ 2 * 1.5 }} {{ 'ab' * 2 }}", {}),
    ("op.division", "{{ 7 / 2 }} {{ 6 / 3 }} {{ 7 // 2 }} {{ -7 // 2 }} {{ 7.5 // 2 }}", {}),
    ("op.modulo", "{{ 7 % 3 }} {{ -7 % 3 }} {{ 7 % -3 }} {{ 7.5 % 2 }}", {}),
    ("op.power", "{{ 2 ** 10 }} {{ 2 ** -1 }} {{ 2 ** 3 ** 2 }} {{ -2 ** 2 }}", {}),
    ("op.precedence", "{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 10 - 2 - 3 }} {{ -3|abs }}", {}),
    ("op.unary", "{{ -i }} {{ +i }} {{ - -i }} {{ -f }}", NUM),
    ("op.big_int_arithmetic", "{{ 9223372036854775807 + 1 }}", {}),
    ("op.compare", "{{ 1 < 2 }} {{ 2 <= 1 }} {{ 'a' < 'b' }} {{ 1 == 1.0 }} {{ true == 1 }} {{ 1 != 2 }}", {}),
    ("op.compare_chain", "{{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }}", {}),
    ("op.equality_types", "{{ '1' == 1 }} {{ none == none }} {{ [1, 2] == [1, 2.0] }} {{ {'a': 1} == {'a': 1} }}", {}),
    ("op.and_or_values", "{{ 0 or 'x' }} {{ 'a' and 'b' }} {{ '' and 'b' }} [{{ none or '' }}] {{ n or 'fallback' }}", NUM),
    ("op.not", "{{ not t }} {{ not 0 }} {{ not not 'x' }} {{ not 1 == 2 }}", NUM),
    ("op.in", "{{ 1 in [1, 2] }} {{ 'ub' in 'hub' }} {{ 'a' in {'a': 1} }} {{ 3 in [1, 2] }} {{ 1.0 in [1] }}", {}),
    ("op.not_in", "{{ 3 not in [1, 2] }} {{ 'h' not in 'hub' }}", {}),
    ("op.inline_if", "{{ 'yes' if t else 'no' }} {{ 'yes' if no else 'no' }}", NUM),
    ("op.inline_if_without_else", "[{{ 'yes' if no }}]", NUM),
    ("op.inline_if_chain", "{% for v in [1, 2, 3] %}{{ 'one' if v == 1 else 'two' if v == 2 else 'many' }} {% endfor %}", {}),
    ("op.inline_if_with_or", "{{ 'x' if no or t else 'y' }}", NUM),
    ("op.grouping_and_tuple", "{{ (1 + 2) }} {{ '%s-%s' % ('a', 'b') }}", {}),
    ("op.string_percent", "{{ '%.1f%%' % 21.56 }} {{ '%d items' % 3 }} {{ '%s' % none }}", {}),
    ("op.string_methods", "{{ s.upper() }} {{ s.lower() }} {{ ' x '.strip() }} {{ 'a,b'.split(',') }} {{ s.startswith('H') }}", NUM),
    # --- filters ---
    ("filter.default_undefined", "{{ nope|default('dflt') }}", {}),
    ("filter.default_keeps_none", "{{ n|default('dflt') }}", NUM),
    ("filter.default_keeps_falsy", "[{{ empty|default('dflt') }}] {{ z|default('dflt') }}", NUM),
    ("filter.default_boolean", "{{ empty|default('dflt', true) }} {{ n|default('dflt', true) }} {{ z|d('d', true) }}", NUM),
    ("filter.default_keyword", "{{ n|default('dflt', boolean=true) }}", NUM),
    ("filter.default_no_argument", "[{{ nope|default }}]", {}),
    ("filter.default_chain", "{{ nope|default(none)|default('x') }}", {}),
    ("filter.lower_upper", "{{ s|lower }} {{ s|upper }} {{ t|upper }} {{ 'Stra\u00dfe'|upper }}", NUM),
    ("filter.title", "{{ 'hello wORLD-foo (bar) x_y'|title }}", {}),
    ("filter.capitalize", "{{ 'hELLO World'|capitalize }} {{ ''|capitalize }}", {}),
    ("filter.trim", "[{{ '  a b \\n'|trim }}] [{{ 'xxaxx'|trim('x') }}]", {}),
    ("filter.replace", "{{ 'a-b-c'|replace('-', '+') }} {{ 'a-b-c'|replace('-', '', 1) }} {{ 21.5|replace('.', ',') }}", {}),
    ("filter.join", "{{ l|join(', ') }} {{ [1, 2]|join }} {{ m|join('/') }}", NUM),
    ("filter.length", "{{ l|length }} {{ s|length }} {{ m|length }} {{ u|length }} {{ el|count }}", NUM),
    ("filter.round_default", "{{ 21.56|round }} {{ 2.5|round }} {{ 3.5|round }} {{ -2.5|round }}", {}),
    ("filter.round_precision", "{{ 21.56|round(1) }} {{ 2.675|round(2) }} {{ 0.125|round(2) }} {{ 1234.5|round(-2) }}", {}),
    ("filter.round_int", "{{ 5|round }} {{ 15|round(-1) }} {{ 25|round(-1) }}", {}),
    ("filter.round_methods", "{{ 21.51|round(1, 'floor') }} {{ 21.51|round(1, 'ceil') }} {{ 2.1|round(method='ceil') }}", {}),
    ("filter.int", "{{ 3.7|int }} {{ -3.7|int }} {{ '42'|int }} {{ '3.7'|int }} {{ 'abc'|int }} {{ true|int }} {{ n|int }}", NUM),
    ("filter.int_default_base", "{{ 'x'|int(7) }} {{ 'ff'|int(base=16) }} {{ ' 12 '|int }}", {}),
    ("filter.float", "{{ 3|float }} {{ '2.5'|float }} {{ 'abc'|float }} {{ true|float }} {{ n|float }} {{ '1e3'|float }}", NUM),
    ("filter.float_default", "{{ 'x'|float(1.5) }}", {}),
    ("filter.string", "{{ n|string }} {{ t|string }} {{ 1.0|string }} {{ l|string }}", NUM),
    ("filter.string_concat", "{{ f|string ~ 'x' }}", NUM),
    ("filter.abs", "{{ -3|abs }} {{ neg|abs }} {{ -2.5|abs }} {{ true|abs }}", NUM),
    ("filter.tojson_sorted", "{{ m|tojson }}", {"m": {"b": 1, "a": [True, None, 1.5], "c": {"z": 1, "y": 2}}}),
    ("filter.tojson_html_safe", "{{ s|tojson }}", {"s": "<a href='x'>&</a>"}),
    ("filter.tojson_non_ascii", "{{ s|tojson }}", {"s": "\u00b0C \U0001F600 \n"}),
    ("filter.tojson_scalars", "{{ n|tojson }} {{ t|tojson }} {{ i|tojson }} {{ f|tojson }} {{ e|tojson }}", NUM),
    ("filter.tojson_attrs", "{{ attrs|tojson }}", VC),
    ("filter.format", "{{ '%s is %s'|format('a', 1) }} {{ '%.2f'|format(3.14159) }} {{ '%5.1f|'|format(2.25) }}", {}),
    ("filter.format_int", "{{ '%03d'|format(7) }} {{ '%x'|format(255) }} {{ '%-4s|'|format('a') }} {{ '%+d'|format(3) }}", {}),
    ("filter.chain", "{{ s|lower|replace('h', 'H')|upper }}", NUM),
    ("filter.first_last", "{{ l|first }} {{ l|last }} {{ 'abc'|first }}", NUM),
    ("filter.list_reverse_sort", "{{ 'cab'|list }} {{ [3, 1, 2]|sort }} {{ [1, 2]|reverse|list }} {{ ['b', 'A', 'c']|sort }}", {}),
    ("filter.sum_min_max", "{{ [1, 2, 3.5]|sum }} {{ [3, 1, 2]|min }} {{ [3, 1, 2]|max }}", {}),
    ("filter.items", "{% for k, v in m|items %}{{ k }}:{{ v }} {% endfor %}", NUM),
    ("filter.safe_escape", "{{ '<a>'|safe }} {{ '<a & \"b\">'|e }}", {}),
    ("filter.on_expression", "{{ (f * 2)|round }} {{ (1 + 2)|string ~ '!' }}", NUM),
    ("filter.unknown_is_compile_error", "{{ s|nosuchfilter }}", NUM),
    # --- tests ---
    ("test.none", "{{ n is none }} {{ z is none }} {{ nope is none }}", NUM),
    ("test.defined_undefined", "{{ s is defined }} {{ nope is defined }} {{ nope is undefined }} {{ n is defined }}", NUM),
    ("test.number", "{{ i is number }} {{ f is number }} {{ t is number }} {{ s is number }} {{ n is number }}", NUM),
    ("test.string", "{{ s is string }} {{ i is string }} {{ empty is string }}", NUM),
    ("test.is_not", "{{ n is not none }} {{ s is not string }} {{ nope is not defined }}", NUM),
    ("test.types", "{{ t is boolean }} {{ i is integer }} {{ f is float }} {{ m is mapping }} {{ i is float }}", NUM),
    ("test.odd_even_divisible", "{{ 3 is odd }} {{ 3 is even }} {{ 9 is divisibleby(3) }}", {}),
    ("test.in_eq", "{{ 1 is in([1, 2]) }} {{ 'a' is eq('a') }} {{ 2 is gt(1) }}", {}),
    ("test.in_if", "{% if device_attrs['shed:online'] is defined and device_attrs['shed:online'] %}up{% endif %}", VC),
    ("test.not_binds_wider", "{{ not nope is defined }}", {}),
    ("test.unknown_is_compile_error", "{{ s is nosuchtest }}", NUM),
    # --- spec and wiki-style templates ---
    ("spec.default_topic", "{{device_attrs.name}}", VC),
    ("spec.topic_with_type", "qtoggle/{{device_attrs.name}}/{{type}}", VC),
    ("spec.value_change_template", "{{port.get_pretty_name()}}={{new_value}}", VC),
    ("spec.pretty_moment", "{{ pretty_moment }}", VC),
    ("spec.public_url_none", "{{ public_url }}", VC),
    ("spec.timestamp", "{{ timestamp }} {{ timestamp|int }}", VC),
    ("wiki.is_value", "{{port.get_pretty_name()}} is {{port.get_pretty_value()}}", {"port": TEMP}),
    ("wiki.changed_from", "{{port.get_pretty_name()}} changed from {{port.get_pretty_value(old_value)}} to {{port.get_pretty_value(new_value)}}",
     dict(VC, port=TEMP, old_value=20.5, new_value=21.5)),
    ("wiki.device_updated", "{{device.get_pretty_name()}} has been updated", {"device": {"$device": {"attrs": HUB}}}),
    ("wiki.slave_added", "{{slave.get_pretty_name()}} has been added", {"slave": SHED}),
    ("wiki.json_like_payload", '{"id": "{{port.get_id()}}", "value": {{new_value|tojson}}, "at": {{timestamp}}}', VC),
    ("wiki.on_off", "{{ 'ON' if new_value else 'OFF' }}", VC),
    ("wiki.changed_attrs", "{% for name, pair in changed_attrs.items() %}{{ name }}: {{ pair[0] }} -> {{ pair[1] }}\n{% endfor %}",
     {"changed_attrs": {"display_name": ["Temp", "Temperature"], "unit": ["C", "\u00b0C"]}}),
    ("wiki.port_values_loop", "{% for id, v in port_values|items %}{{ id }}={{ v }}{{ ',' if not loop.last }}{% endfor %}", VC),
    ("wiki.metadata_nested", "{{ metadata.site.name|default('none') }}", {"metadata": {"site": {"name": "Home"}}}),
    ("wiki.metadata_missing", "{{ metadata.site|default('none') }}", {"metadata": {}}),
    ("wiki.uptime_hours", "{{ (device_attrs.uptime / 3600)|round(1) }} h, cpu {{ device_attrs.cpu_usage }}%", VC),
    ("wiki.flags", "{{ 'listen' in device_attrs.flags }} {{ device_attrs.flags|join(' ') }}", VC),
    ("literal.string_with_delimiters", "{{ '}} {{ %} {%' }}", {}),
    ("literal.string_with_percent_and_hash", "{{ '100% #{x}' }} {{ \"a'b\" }}", {}),
    ("literal.nested_dict", "{{ {'a': {'b': [1, {'c': none}]}} }}", {}),
    ("literal.dict_lookup", "{{ {'x': 1, 'y': 2}['y'] }} {{ {'k': 'v'}.k }}", {}),
    ("literal.list_index", "{{ [10, 20, 30][1] }} {{ [1, 2, 3]|length }}", {}),
    # --- syntax errors ---
    ("error.elif_after_else", "{% if a %}{% else %}{% elif b %}{% endif %}", {}),
    ("error.two_else", "{% if a %}{% else %}{% else %}{% endif %}", {}),
    ("error.endfor_for_if", "{% if a %}{% endfor %}", {}),
    ("error.unclosed_print", "{{ a ", {}),
    ("error.unclosed_block", "{% if true %}x", {}),
    ("error.endif_without_if", "x{% endif %}", {}),
    ("error.incomplete_expression", "{{ 1 + }}", {}),
    ("error.unknown_tag", "{% frobnicate %}", {}),
    ("error.bad_char", "{{ a ? b : c }}", {}),
    ("error.unclosed_string", "{{ 'abc }}", {}),
    ("error.unclosed_bracket", "{{ (1 + 2 }}", {}),
    ("error.else_without_if", "{{ 1 else 2 }}", {}),
    ("error.two_operands", "{{ a b }}", {}),
    ("error.empty_print", "{{ }}", {}),
    ("error.unclosed_comment", "{# never closed", {}),
    # --- runtime errors ---
    ("error.type_add", "{{ 'a' + 1 }}", {}),
    ("error.division_by_zero", "{{ 1 / 0 }}", {}),
    ("error.compare_types", "{{ 'a' < 1 }}", {}),
    ("error.round_string", "{{ 'x'|round }}", {}),
    ("error.call_on_map_key", "{{ x.a() }}", {"x": {"a": 1}}),
    # --- valid Jinja2 this engine refuses at compile time (documented in the README) ---
    ("refused.macro", "{% macro f(x) %}{{ x }}{% endmacro %}{{ f(1) }}", {}, "refused"),
    ("refused.slice", "{{ s[1:] }}", NUM, "refused"),
    ("refused.tuple_without_parentheses", "{{ 1, 2 }}", {}, "refused"),
    ("refused.loop_filter", "{% for x in [1, 2, 3] if x > 1 %}{{ x }}{% endfor %}", {}, "refused"),
    ("refused.block_set", "{% set x %}text{% endset %}{{ x }}", {}, "refused"),
    ("refused.unlisted_filter", "{{ 'a b'|wordcount }}", {}, "refused"),
    ("refused.test_argument_without_parentheses", "{{ 9 is divisibleby 3 }}", {}, "refused"),
    ("refused.unknown_function", "{{ dict(a=1) }}", {}, "refused"),
    ("refused.with_tag", "{% with a = 1 %}{{ a }}{% endwith %}", {}, "refused"),
    ("refused.include", "{% include 'other.txt' %}", {}, "refused"),
]


def main():
    env = jinja2.Environment()
    out = []
    for case in CASES:
        name, template, context = case[0], case[1], case[2]
        refused = len(case) > 3 and case[3] == "refused"
        entry = {"name": name, "template": template, "context": context}
        try:
            compiled = env.from_string(template)
        except jinja2.TemplateError as e:
            entry["error"] = "%s: %s" % (type(e).__name__, e)
            entry["phase"] = "compile"
        else:
            try:
                entry["output"] = compiled.render(**decode(context))
            except Exception as e:  # any rendering failure is an expected error
                entry["error"] = "%s: %s" % (type(e).__name__, e)
                entry["phase"] = "render"
        if refused:
            entry["refused"] = True
        out.append(entry)
    names = [e["name"] for e in out]
    assert len(names) == len(set(names)), "duplicate case names"
    with open("cases.json", "w", encoding="utf-8") as f:
        f.write('{"jinja2_version": %s, "cases": [\n' % json.dumps(jinja2.__version__))
        f.write(",\n".join(json.dumps(e, ensure_ascii=True) for e in out))
        f.write("\n]}\n")
    print("%d cases written with Jinja2 %s" % (len(out), jinja2.__version__), file=sys.stderr)


if __name__ == "__main__":
    main()
