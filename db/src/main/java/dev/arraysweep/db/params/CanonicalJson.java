package dev.arraysweep.db.params;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes canonical JSON: sorted keys, no spaces, integers as integers and doubles in their shortest
 * round-trip decimal form, computed with exact {@link BigDecimal} arithmetic so that the text (and
 * every hash over it) does not depend on the JDK's {@code Double.toString}, which changed in JDK 19.
 */
final class CanonicalJson {
    private static final int CACHE_LIMIT = 10_000;
    private static final Map<Double, String> NUMBERS = new ConcurrentHashMap<>();

    private CanonicalJson() {}

    static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        append(out, value);
        return out.toString();
    }

    static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Double d) {
            out.append(number(d));
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            Map<?, ?> sorted = map instanceof TreeMap<?, ?> ? map : new TreeMap<>(map);
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, (String) e.getKey());
                out.append(':');
                append(out, e.getValue());
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException(
                    "not a canonical JSON value: " + value.getClass().getName());
        }
    }

    /** The shortest decimal that reads back as {@code d}: "0.1", "1.0", "0.0005", "1.0E-8", "1.0E21". */
    static String number(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + d);
        }
        String cached = NUMBERS.get(d);
        if (cached == null) {
            cached = shortest(d);
            if (NUMBERS.size() >= CACHE_LIMIT) {
                NUMBERS.clear();
            }
            NUMBERS.put(d, cached);
        }
        return cached;
    }

    private static String shortest(double d) {
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal best = exact;
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == d) {
                best = rounded;
                break;
            }
        }
        best = best.stripTrailingZeros();
        int exponent = best.precision() - best.scale() - 1;
        if (exponent >= -7 && exponent < 21) {
            String plain = best.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = best.unscaledValue().abs().toString();
        String mantissa = digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0");
        return (best.signum() < 0 ? "-" : "") + mantissa + "E" + exponent;
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
