package org.pxrd.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpeciesAndElementTest {

    @Test
    void everyElementFromHydrogenToOganesson() {
        assertThat(Element.values()).hasSize(118);
        for (int z = 1; z <= 118; z++) {
            Element e = Element.ofZ(z);
            assertThat(e.z()).isEqualTo(z);
            assertThat(Element.of(e.symbol())).isSameAs(e);
            assertThat(e.mass()).isPositive();
        }
        assertThat(Element.of("fe").longName()).isEqualTo("Iron");
        assertThat(Element.Og.mass()).isEqualTo(294.0);
        // masses increase with Z except for the known inversions (Ar/K, Co/Ni, Te/I, Th/Pa, U/Np, ...)
        assertThat(Element.U.mass()).isCloseTo(238.02891, org.assertj.core.api.Assertions.within(1e-6));
        assertThatThrownBy(() -> Element.of("Xx")).hasMessage("unknown element 'Xx'");
        assertThatThrownBy(() -> Element.ofZ(119)).hasMessageContaining("119");
    }

    @ParameterizedTest
    @CsvSource({"Fe,Fe,", "Fe3+,Fe,3", "Fe+3,Fe,3", "O2-,O,-2", "Na+,Na,1", "cl-,Cl,-1", "' Ti4+ ',Ti,4"})
    void parsesCifTypeSymbols(String text, String symbol, Integer charge) {
        Species s = Species.parse(text);
        assertThat(s.element().symbol()).isEqualTo(symbol);
        assertThat(s.oxidationState()).isEqualTo(charge);
    }

    @Test
    void printsChargesTheCifWay() {
        assertThat(Species.parse("O2-")).hasToString("O2-");
        assertThat(Species.parse("Na+")).hasToString("Na+");
        assertThat(Species.parse("Fe")).hasToString("Fe");
    }

    @ParameterizedTest
    @CsvSource({"Qq", "Fe3+x", "''", "12"})
    void rejectsWhatIsNotAnElement(String text) {
        assertThatThrownBy(() -> Species.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown element");
    }
}
