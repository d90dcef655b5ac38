package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.automlwb.ui.profile.Bar;
import org.automlwb.ui.profile.ProfileViewModel;
import org.automlwb.ui.profile.Stat;
import org.junit.jupiter.api.Test;

/** Which column the side panel shows, and what it shows for it. */
class ProfileViewModelTest {
    private final ProfileViewModel vm = new ProfileViewModel();

    @Test
    void nothingIsShownUntilBothAProfileAndAColumnExist() {
        vm.selectedColumnProperty().set("price");
        assertNull(vm.currentProperty().get());
        assertTrue(vm.stats().isEmpty());
        vm.profileProperty().set(TestData.smallProfile());
        assertEquals("price", vm.currentProperty().get().name());
        assertEquals(List.of("price", "city"), vm.columnNames());
    }

    @Test
    void aNumericColumnShowsItsStatisticsAndHistogram() {
        vm.profileProperty().set(TestData.smallProfile());
        vm.selectedColumnProperty().set("price");
        assertTrue(vm.stats().contains(new Stat("Missing", "1 (33.3%)")));
        assertTrue(vm.stats().contains(new Stat("Mean", "2.375")));
        assertTrue(vm.stats().contains(new Stat("Type", "Decimal numbers")));
        assertEquals(List.of(new Bar("1.25", 1), new Bar("2.38", 1)), vm.bars());
        assertEquals("Distribution (2 bins)", vm.chartTitleProperty().get());
        assertTrue(vm.flags().isEmpty());
    }

    @Test
    void aTextColumnShowsItsTopValuesAndFlagsInWords() {
        vm.profileProperty().set(TestData.smallProfile());
        vm.selectedColumnProperty().set("city");
        assertEquals(4, vm.stats().size(), "no numeric statistics for text");
        assertEquals(List.of(new Bar("Oslo", 2), new Bar("Lima", 1)), vm.bars());
        assertEquals(List.of("Looks like an ID", "Same values as 'town'"), vm.flags());
    }

    @Test
    void valuesThatAllOccurOnceGetNoChart() {
        var p = TestData.smallProfile();
        var city = p.columns().get(1);
        var unique = new org.automlwb.data.ColumnProfile("name", city.kind(), 2, 0, 2, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                List.of(new org.automlwb.data.ColumnProfile.ValueCount("Ann", 1),
                        new org.automlwb.data.ColumnProfile.ValueCount("Bo", 1)), List.of(), List.of("id_like"));
        vm.profileProperty().set(new org.automlwb.data.DatasetProfile(2, List.of(unique), null));
        vm.selectedColumnProperty().set("name");
        assertTrue(vm.bars().isEmpty());
        assertEquals("", vm.chartTitleProperty().get());
    }

    @Test
    void aNewFileClearsThePanelUntilItsProfileArrives() {
        vm.profileProperty().set(TestData.smallProfile());
        vm.selectedColumnProperty().set("city");
        vm.profileProperty().set(null);
        assertNull(vm.currentProperty().get());
        assertTrue(vm.bars().isEmpty());
        assertTrue(vm.columnNames().isEmpty());
    }
}
