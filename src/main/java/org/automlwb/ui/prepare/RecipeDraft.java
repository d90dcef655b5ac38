package org.automlwb.ui.prepare;

import java.util.ArrayList;
import java.util.List;
import org.automlwb.prep.Recipe;
import org.automlwb.prep.Step;

/**
 * One state of the recipe editor: the steps in order, each on or off. Immutable, so undo and redo are stacks of
 * drafts. A step switched off stays in the list but is not part of the {@link #effective()} recipe.
 *
 * @param items the steps in order
 */
public record RecipeDraft(List<Item> items) {
    /**
     * One step of the draft.
     *
     * @param step    the step's settings
     * @param enabled whether it is applied
     */
    public record Item(Step step, boolean enabled) { }

    public RecipeDraft {
        items = List.copyOf(items);
    }

    /** Every step of the recipe, switched on. */
    public static RecipeDraft of(Recipe recipe) {
        return new RecipeDraft(recipe.steps().stream().map(s -> new Item(s, true)).toList());
    }

    /** The recipe of the steps switched on, in order. */
    public Recipe effective() {
        return Recipe.of(items.stream().filter(Item::enabled).map(Item::step).toList());
    }

    /** Index in {@link #effective()} of the item at {@code index}, or -1 when that item is off. */
    public int effectiveIndex(int index) {
        if (!items.get(index).enabled()) return -1;
        int n = 0;
        for (int i = 0; i < index; i++) if (items.get(i).enabled()) n++;
        return n;
    }

    RecipeDraft with(int index, Item item) {
        List<Item> out = new ArrayList<>(items);
        out.set(index, item);
        return new RecipeDraft(out);
    }

    RecipeDraft inserted(int index, Item item) {
        List<Item> out = new ArrayList<>(items);
        out.add(index, item);
        return new RecipeDraft(out);
    }

    RecipeDraft without(int index) {
        List<Item> out = new ArrayList<>(items);
        out.remove(index);
        return new RecipeDraft(out);
    }

    RecipeDraft moved(int from, int to) {
        List<Item> out = new ArrayList<>(items);
        out.add(to, out.remove(from));
        return new RecipeDraft(out);
    }
}
