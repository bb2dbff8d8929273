package org.cvkit.augment.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cvkit.augment.Range;
import org.cvkit.augment.Transform;
import org.cvkit.augment.colour.Brightness;
import org.cvkit.augment.colour.Contrast;
import org.cvkit.augment.colour.Gamma;
import org.cvkit.augment.colour.Grayscale;
import org.cvkit.augment.colour.HueSaturation;
import org.cvkit.augment.degrade.Cutout;
import org.cvkit.augment.degrade.GaussianBlur;
import org.cvkit.augment.degrade.GaussianNoise;
import org.cvkit.augment.degrade.MotionBlur;
import org.cvkit.augment.degrade.SaltAndPepperNoise;
import org.cvkit.augment.degrade.SpeckleNoise;
import org.cvkit.augment.geometry.Flip;
import org.cvkit.augment.geometry.RandomAffine;
import org.cvkit.augment.geometry.RandomPerspective;
import org.cvkit.augment.geometry.RandomResizedCrop;
import org.cvkit.augment.geometry.ResizeTo;
import org.cvkit.augment.geometry.Rotation;

/** Every op the text syntax knows: its name, its usage, what it does, and how its arguments build a transform. */
final class OpCatalog {

    /**
     * One op.
     *
     * @param name        what the syntax calls it
     * @param usage       its value and options, for help
     * @param description what it does, for help
     * @param factory     builds the transform from its arguments
     */
    record Op(String name, String usage, String description, Function<OpArguments, Transform> factory) {
    }

    private static final Map<String, Op> OPS = new LinkedHashMap<>();

    static {
        add("hflip", "", "mirror left-right", args -> {
            args.requireNoValue();
            return Flip.HORIZONTAL;
        });
        add("vflip", "", "mirror top-bottom", args -> {
            args.requireNoValue();
            return Flip.VERTICAL;
        });
        add("rotate", "=DEG [expand=false] [border=constant]",
                "rotate counter-clockwise by DEG (shift); expand=true grows the canvas to hold every corner",
                args -> new Rotation(args.range(RangeKind.SHIFT), args.flag("expand", false), args.border()));
        add("affine", " [scale=F] [translate=S] [shear=DEG] [border=constant]",
                "scale (factor), shift by a share S of the size (shift) and shear (shift) about the centre",
                args -> {
                    args.requireNoValue();
                    return new RandomAffine(args.range("scale", RangeKind.FACTOR, Range.fixed(1)),
                            args.range("translate", RangeKind.SHIFT, Range.fixed(0)),
                            args.range("shear", RangeKind.SHIFT, Range.fixed(0)), args.border());
                });
        add("perspective", "=S [border=constant]",
                "move each corner by up to S of the size (amount, at most 0.25) and warp to match",
                args -> new RandomPerspective(args.range(RangeKind.AMOUNT), args.border()));
        add("crop", "=WxH [area=0.08:1] [ratio=0.75:1.333]",
                "crop a random region of share 'area' and aspect 'ratio' (amounts), resize it to WxH",
                args -> new RandomResizedCrop(args.size(),
                        args.range("area", RangeKind.AMOUNT, RandomResizedCrop.DEFAULT_AREA),
                        args.range("ratio", RangeKind.AMOUNT, RandomResizedCrop.DEFAULT_ASPECT_RATIO)));
        add("resize", "=WxH", "stretch to WxH", args -> new ResizeTo(args.size()));
        add("brightness", "=B", "add B*255 to every level (shift)",
                args -> new Brightness(args.range(RangeKind.SHIFT)));
        add("contrast", "=C", "scale levels about mid-gray by a factor (factor)",
                args -> new Contrast(args.range(RangeKind.FACTOR)));
        add("gamma", "=G", "apply 255*(level/255)^gamma (factor)", args -> new Gamma(args.range(RangeKind.FACTOR)));
        add("hue", "=DEG", "turn the hue by DEG degrees (shift); value is kept",
                args -> new HueSaturation(args.range(RangeKind.SHIFT), Range.fixed(1)));
        add("saturation", "=F", "scale the HSV saturation (factor)",
                args -> new HueSaturation(Range.fixed(0), args.range(RangeKind.FACTOR)));
        add("grayscale", "", "replace colour by luma in all three channels", args -> {
            args.requireNoValue();
            return new Grayscale();
        });
        add("gauss-noise", "=SIGMA", "add Gaussian noise of SIGMA levels (amount)",
                args -> new GaussianNoise(args.range(RangeKind.AMOUNT)));
        add("salt-pepper", "=P", "set a share P of the pixels to black or white (amount)",
                args -> new SaltAndPepperNoise(args.range(RangeKind.AMOUNT)));
        add("speckle", "=SIGMA", "multiply levels by 1+n, n Gaussian with SIGMA (amount)",
                args -> new SpeckleNoise(args.range(RangeKind.AMOUNT)));
        add("gauss-blur", "=SIGMA", "Gaussian blur of SIGMA pixels (amount)",
                args -> new GaussianBlur(args.range(RangeKind.AMOUNT)));
        add("motion-blur", "=LENGTH [angle=0:180]", "smear along a line of LENGTH pixels at 'angle' (amounts)",
                args -> new MotionBlur(args.range(RangeKind.AMOUNT),
                        args.range("angle", RangeKind.AMOUNT, new Range(0, 180))));
        add("cutout", "=S [count=1]", "black out 'count' holes of side S of the image side (amount)",
                args -> new Cutout(args.range(RangeKind.AMOUNT), args.integer("count", 1)));
    }

    private OpCatalog() {
    }

    private static void add(String name, String usage, String description, Function<OpArguments, Transform> factory) {
        OPS.put(name, new Op(name, usage, description, factory));
    }

    /**
     * Builds the transform an op names.
     *
     * @param args the op's name, value and options
     * @return the transform
     * @throws IllegalArgumentException if the op is unknown or an argument is invalid
     */
    static Transform build(OpArguments args) {
        Op op = OPS.get(args.name());
        if (op == null) {
            throw new IllegalArgumentException("unknown op '" + args.name() + "'; known ops: "
                    + String.join(", ", OPS.keySet()));
        }
        Transform transform = op.factory().apply(args);
        args.requireAllOptionsRead();
        return transform;
    }

    /** @return every op in the order of the help text */
    static List<Op> all() {
        return List.copyOf(OPS.values());
    }
}
