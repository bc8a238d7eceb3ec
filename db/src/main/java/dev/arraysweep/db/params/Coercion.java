package dev.arraysweep.db.params;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Coerces one raw value to its parameter's canonical Java type and checks its constraint. */
final class Coercion {
    private Coercion() {}

    /** Returns the canonical value, or null for a null that the parameter accepts. */
    static Object coerce(ParamDef def, Object raw) throws ParamException {
        if (raw == null) {
            if (def.nullable()) {
                return null;
            }
            throw new ParamException(
                    def.name(),
                    null,
                    "null is not allowed",
                    def.expected(),
                    "Remove the key to get the default (" + def.defaultValue().description() + ").");
        }
        Object value =
                switch (def.type()) {
                    case BOOL -> bool(def, raw);
                    case INT -> integer(def, raw, raw);
                    case DOUBLE -> number(def, raw, raw);
                    case CHOICE -> choice(def, raw);
                    case STRING -> string(def, raw);
                    case INT_LIST -> list(def, raw, true);
                    case DOUBLE_LIST -> list(def, raw, false);
                };
        if (!def.constraint().accepts(value)) {
            throw new ParamException(def.name(), raw, render(raw) + " is not allowed", def.expected(), "");
        }
        return value;
    }

    private static Boolean bool(ParamDef def, Object raw) throws ParamException {
        if (raw instanceof Boolean b) {
            return b;
        }
        throw wrongType(def, raw, raw instanceof String ? "Write true or false without quotes." : "");
    }

    private static Integer integer(ParamDef def, Object raw, Object shown) throws ParamException {
        if (raw instanceof Integer
                || raw instanceof Long
                || raw instanceof Short
                || raw instanceof Byte
                || raw instanceof BigInteger) {
            BigInteger big = raw instanceof BigInteger b ? b : BigInteger.valueOf(((Number) raw).longValue());
            if (big.bitLength() < 32) {
                return big.intValue();
            }
            throw new ParamException(
                    def.name(),
                    shown,
                    render(shown) + " is too large",
                    def.expected(),
                    "Integers must fit in 32 bits.");
        }
        if (raw instanceof Double || raw instanceof Float || raw instanceof BigDecimal) {
            throw wrongType(def, shown, "Write a whole number, without a fraction or exponent.");
        }
        throw wrongType(def, shown, raw instanceof String ? "Write a number without quotes." : "");
    }

    private static Double number(ParamDef def, Object raw, Object shown) throws ParamException {
        if (raw instanceof Number n && !(raw instanceof BigInteger && ((BigInteger) raw).bitLength() > 1023)) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new ParamException(
                        def.name(), shown, render(shown) + " is not a finite number", def.expected(), "");
            }
            return d + 0.0; // folds -0.0 into 0.0 so that both hash the same
        }
        throw wrongType(def, shown, raw instanceof String ? "Write a number without quotes." : "");
    }

    private static String choice(ParamDef def, Object raw) throws ParamException {
        Optional<String> stored = def.nameStoredAs(raw);
        if (stored.isPresent()) {
            return stored.get(); // a boolean that became a choice: true reads as the name runs store as true
        }
        if (!(raw instanceof String s)) {
            throw wrongType(def, raw, "");
        }
        String name = s.trim().toLowerCase(Locale.ROOT);
        if (!def.constraint().accepts(name)) {
            String hint = DidYouMean.closest(name, def.constraint().choices())
                    .map(c -> "Did you mean \"" + c + "\"?")
                    .orElse("");
            throw new ParamException(def.name(), raw, render(raw) + " is not allowed", def.expected(), hint);
        }
        return name;
    }

    private static String string(ParamDef def, Object raw) throws ParamException {
        if (raw instanceof String s) {
            return s;
        }
        throw wrongType(def, raw, "Quote it: \"" + raw + "\".");
    }

    private static List<?> list(ParamDef def, Object raw, boolean ints) throws ParamException {
        if (!(raw instanceof List<?> items)) {
            throw wrongType(def, raw, raw instanceof Number ? "Write a list, e.g. [" + raw + "]." : "");
        }
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) {
            try {
                if (ints) { // not a ?: expression, which would unbox both to double
                    out.add(integer(def, item, item));
                } else {
                    out.add(number(def, item, item));
                }
            } catch (ParamException e) {
                throw new ParamException(
                        def.name(),
                        raw,
                        "got " + render(raw) + ", whose element " + render(item) + " is " + kind(item),
                        def.expected(),
                        e.fix());
            }
        }
        return List.copyOf(out);
    }

    private static ParamException wrongType(ParamDef def, Object raw, String fix) {
        return new ParamException(def.name(), raw, "got " + render(raw) + " (" + kind(raw) + ")", def.expected(), fix);
    }

    /** {@return how a raw value reads in an error message: strings quoted, lists bracketed} */
    static String render(Object raw) {
        if (raw instanceof String s) {
            return "\"" + s + "\"";
        }
        if (raw instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(render(list.get(i)));
            }
            return out.append(']').toString();
        }
        return String.valueOf(raw);
    }

    private static String kind(Object raw) {
        if (raw == null) {
            return "null";
        } else if (raw instanceof String) {
            return "a string";
        } else if (raw instanceof Boolean) {
            return "a boolean";
        } else if (raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger) {
            return "an integer";
        } else if (raw instanceof Number) {
            return "a number";
        } else if (raw instanceof List) {
            return "a list";
        } else if (raw instanceof Map) {
            return "a mapping";
        }
        return raw.getClass().getSimpleName();
    }
}
