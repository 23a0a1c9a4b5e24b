package org.pxrd.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The chemical elements H (Z = 1) to Og (Z = 118): atomic number, symbol, English name and standard atomic
 * mass in g/mol (u). Masses are the values pymatgen 2022.11.7 uses (so densities agree with it), except Og,
 * whose value there is a typo (2949); the mass number of its longest-lived isotope (294) is used instead.
 * For elements without a stable isotope the mass is that of the longest-lived isotope. Pauling
 * electronegativities (NaN where none is defined) order the elements of a formula as pymatgen does.
 */
public enum Element {
    H(1, "Hydrogen", 1.00794, 2.2),
    He(2, "Helium", 4.002602, Double.NaN),
    Li(3, "Lithium", 6.941, 0.98),
    Be(4, "Beryllium", 9.012182, 1.57),
    B(5, "Boron", 10.811, 2.04),
    C(6, "Carbon", 12.0107, 2.55),
    N(7, "Nitrogen", 14.0067, 3.04),
    O(8, "Oxygen", 15.9994, 3.44),
    F(9, "Fluorine", 18.9984032, 3.98),
    Ne(10, "Neon", 20.1797, Double.NaN),
    Na(11, "Sodium", 22.98976928, 0.93),
    Mg(12, "Magnesium", 24.305, 1.31),
    Al(13, "Aluminum", 26.9815386, 1.61),
    Si(14, "Silicon", 28.0855, 1.9),
    P(15, "Phosphorus", 30.973762, 2.19),
    S(16, "Sulfur", 32.065, 2.58),
    Cl(17, "Chlorine", 35.453, 3.16),
    Ar(18, "Argon", 39.948, Double.NaN),
    K(19, "Potassium", 39.0983, 0.82),
    Ca(20, "Calcium", 40.078, 1.0),
    Sc(21, "Scandium", 44.955912, 1.36),
    Ti(22, "Titanium", 47.867, 1.54),
    V(23, "Vanadium", 50.9415, 1.63),
    Cr(24, "Chromium", 51.9961, 1.66),
    Mn(25, "Manganese", 54.938045, 1.55),
    Fe(26, "Iron", 55.845, 1.83),
    Co(27, "Cobalt", 58.933195, 1.88),
    Ni(28, "Nickel", 58.6934, 1.91),
    Cu(29, "Copper", 63.546, 1.9),
    Zn(30, "Zinc", 65.409, 1.65),
    Ga(31, "Gallium", 69.723, 1.81),
    Ge(32, "Germanium", 72.64, 2.01),
    As(33, "Arsenic", 74.9216, 2.18),
    Se(34, "Selenium", 78.96, 2.55),
    Br(35, "Bromine", 79.904, 2.96),
    Kr(36, "Krypton", 83.798, 3.0),
    Rb(37, "Rubidium", 85.4678, 0.82),
    Sr(38, "Strontium", 87.62, 0.95),
    Y(39, "Yttrium", 88.90585, 1.22),
    Zr(40, "Zirconium", 91.224, 1.33),
    Nb(41, "Niobium", 92.90638, 1.6),
    Mo(42, "Molybdenum", 95.94, 2.16),
    Tc(43, "Technetium", 98.0, 1.9),
    Ru(44, "Ruthenium", 101.07, 2.2),
    Rh(45, "Rhodium", 102.9055, 2.28),
    Pd(46, "Palladium", 106.42, 2.2),
    Ag(47, "Silver", 107.8682, 1.93),
    Cd(48, "Cadmium", 112.411, 1.69),
    In(49, "Indium", 114.818, 1.78),
    Sn(50, "Tin", 118.71, 1.96),
    Sb(51, "Antimony", 121.76, 2.05),
    Te(52, "Tellurium", 127.6, 2.1),
    I(53, "Iodine", 126.90447, 2.66),
    Xe(54, "Xenon", 131.293, 2.6),
    Cs(55, "Cesium", 132.9054519, 0.79),
    Ba(56, "Barium", 137.327, 0.89),
    La(57, "Lanthanum", 138.90547, 1.1),
    Ce(58, "Cerium", 140.116, 1.12),
    Pr(59, "Praseodymium", 140.90765, 1.13),
    Nd(60, "Neodymium", 144.242, 1.14),
    Pm(61, "Promethium", 145.0, 1.13),
    Sm(62, "Samarium", 150.36, 1.17),
    Eu(63, "Europium", 151.964, 1.2),
    Gd(64, "Gadolinium", 157.25, 1.2),
    Tb(65, "Terbium", 158.92535, 1.1),
    Dy(66, "Dysprosium", 162.5, 1.22),
    Ho(67, "Holmium", 164.93032, 1.23),
    Er(68, "Erbium", 167.259, 1.24),
    Tm(69, "Thulium", 168.93421, 1.25),
    Yb(70, "Ytterbium", 173.04, 1.1),
    Lu(71, "Lutetium", 174.967, 1.27),
    Hf(72, "Hafnium", 178.49, 1.3),
    Ta(73, "Tantalum", 180.94788, 1.5),
    W(74, "Tungsten", 183.84, 2.36),
    Re(75, "Rhenium", 186.207, 1.9),
    Os(76, "Osmium", 190.23, 2.2),
    Ir(77, "Iridium", 192.217, 2.2),
    Pt(78, "Platinum", 195.084, 2.28),
    Au(79, "Gold", 196.966569, 2.54),
    Hg(80, "Mercury", 200.59, 2.0),
    Tl(81, "Thallium", 204.3833, 1.62),
    Pb(82, "Lead", 207.2, 2.33),
    Bi(83, "Bismuth", 208.9804, 2.02),
    Po(84, "Polonium", 210.0, 2.0),
    At(85, "Astatine", 210.0, 2.2),
    Rn(86, "Radon", 220.0, 2.2),
    Fr(87, "Francium", 223.0, 0.7),
    Ra(88, "Radium", 226.0, 0.9),
    Ac(89, "Actinium", 227.0, 1.1),
    Th(90, "Thorium", 232.03806, 1.3),
    Pa(91, "Protactinium", 231.03588, 1.5),
    U(92, "Uranium", 238.02891, 1.38),
    Np(93, "Neptunium", 237.0, 1.36),
    Pu(94, "Plutonium", 244.0, 1.28),
    Am(95, "Americium", 243.0, 1.3),
    Cm(96, "Curium", 247.0, 1.3),
    Bk(97, "Berkelium", 247.0, 1.3),
    Cf(98, "Californium", 251.0, 1.3),
    Es(99, "Einsteinium", 252.0, 1.3),
    Fm(100, "Fermium", 257.0, 1.3),
    Md(101, "Mendelevium", 258.0, 1.3),
    No(102, "Nobelium", 259.0, 1.3),
    Lr(103, "Lawrencium", 262.0, 1.3),
    Rf(104, "Rutherfordium", 267.0, Double.NaN),
    Db(105, "Dubnium", 268.0, Double.NaN),
    Sg(106, "Seaborgium", 269.0, Double.NaN),
    Bh(107, "Bohrium", 270.0, Double.NaN),
    Hs(108, "Hassium", 270.0, Double.NaN),
    Mt(109, "Meitnerium", 278.0, Double.NaN),
    Ds(110, "Darmstadtium", 281.0, Double.NaN),
    Rg(111, "Roentgenium", 282.0, Double.NaN),
    Cn(112, "Copernicium", 285.0, Double.NaN),
    Nh(113, "Nihonium", 286.0, Double.NaN),
    Fl(114, "Flerovium", 289.0, Double.NaN),
    Mc(115, "Moscovium", 290.0, Double.NaN),
    Lv(116, "Livermorium", 293.0, Double.NaN),
    Ts(117, "Tennessine", 294.0, Double.NaN),
    Og(118, "Oganesson", 294.0, Double.NaN);

    private static final Map<String, Element> BY_SYMBOL = new HashMap<>();
    private static final Element[] BY_Z = new Element[119];

    static {
        for (Element e : values()) {
            BY_SYMBOL.put(e.name().toLowerCase(Locale.ROOT), e);
            BY_Z[e.z] = e;
        }
    }

    private final int z;
    private final String longName;
    private final double mass;
    private final double electronegativity;

    Element(int z, String longName, double mass, double electronegativity) {
        this.z = z;
        this.longName = longName;
        this.mass = mass;
        this.electronegativity = electronegativity;
    }

    /** Atomic number Z. */
    public int z() {
        return z;
    }

    /** Chemical symbol, e.g. {@code Fe}. */
    public String symbol() {
        return name();
    }

    /** English name, e.g. {@code Iron}. */
    public String longName() {
        return longName;
    }

    /** Standard atomic mass in g/mol. */
    public double mass() {
        return mass;
    }

    /** Pauling electronegativity, NaN for elements that have none (noble gases, superheavy elements). */
    public double electronegativity() {
        return electronegativity;
    }

    /**
     * The element with this symbol (case-insensitive: {@code fe}, {@code FE} and {@code Fe} are iron).
     *
     * @throws IllegalArgumentException naming the symbol when it is not an element
     */
    public static Element of(String symbol) {
        Element e = symbol == null ? null : BY_SYMBOL.get(symbol.trim().toLowerCase(Locale.ROOT));
        if (e == null) {
            throw new IllegalArgumentException("unknown element '" + symbol + "'");
        }
        return e;
    }

    /** Whether {@code symbol} names an element (case-insensitive). */
    public static boolean isSymbol(String symbol) {
        return symbol != null && BY_SYMBOL.containsKey(symbol.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * The element with atomic number {@code z}.
     *
     * @throws IllegalArgumentException when z is outside 1..118
     */
    public static Element ofZ(int z) {
        if (z < 1 || z > 118) {
            throw new IllegalArgumentException("no element with atomic number " + z);
        }
        return BY_Z[z];
    }
}
