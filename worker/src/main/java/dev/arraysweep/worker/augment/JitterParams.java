package dev.arraysweep.worker.augment;

import java.util.EnumSet;
import java.util.List;

/**
 * The colour-jitter parameters of one sample: the order of the four adjustments and their
 * factors, as torchvision's {@code ColorJitter.get_params} returns them.
 *
 * @param order the four adjustments, each once, in the order they are applied
 * @param brightness the brightness factor, &gt;= 0
 * @param contrast the contrast factor, &gt;= 0
 * @param saturation the saturation factor, &gt;= 0
 * @param hue the hue shift, in [-0.5, 0.5]
 */
public record JitterParams(List<ColorOp> order, double brightness, double contrast, double saturation, double hue) {

    public JitterParams {
        order = List.copyOf(order);
        if (order.size() != 4 || !EnumSet.copyOf(order).equals(EnumSet.allOf(ColorOp.class))) {
            throw new IllegalArgumentException("order must name each colour adjustment once, got " + order);
        }
        if (!(brightness >= 0 && contrast >= 0 && saturation >= 0)) {
            throw new IllegalArgumentException("brightness, contrast and saturation factors must be >= 0, got "
                    + brightness + ", " + contrast + ", " + saturation);
        }
        if (!(hue >= -0.5 && hue <= 0.5)) {
            throw new IllegalArgumentException("hue factor must be in [-0.5, 0.5], got " + hue);
        }
    }
}
