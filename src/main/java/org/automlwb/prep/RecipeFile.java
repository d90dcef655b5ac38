package org.automlwb.prep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.automlwb.common.BadInputException;

/**
 * A recipe file as a user gives it: either a recipe (its steps, as the app's Save recipe writes) or a fitted recipe
 * (as {@code prepare} writes to {@code data/feature_engineering/}, and as a model's
 * {@code preprocessing_pipeline.json}), told apart by the fitted one's {@code inputColumns}.
 *
 * @param file   where it was read from
 * @param recipe the steps
 * @param fitted the fitted recipe, or null when the file holds only steps
 */
public record RecipeFile(Path file, Recipe recipe, FittedRecipe fitted) {
    private static final String ADVICE = "give a recipe JSON saved by the app, by prepare, or by a previous run";

    /** Reads either shape. */
    public static RecipeFile read(Path file) throws BadInputException {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new BadInputException("cannot read the recipe (" + e.getMessage() + ")", file, 0, null, ADVICE);
        }
        try {
            JsonNode n = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(json);
            if (n != null && n.has("inputColumns")) {
                FittedRecipe fitted = FittedRecipe.fromJson(json);
                return new RecipeFile(file, fitted.recipe(), fitted);
            }
            return new RecipeFile(file, Recipe.fromJson(json), null);
        } catch (BadInputException e) {
            throw new BadInputException(e.getMessage(), file, e.line(), e.column(), e.hint());
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("not a valid recipe: " + e.getMessage(), file, 0, null, ADVICE);
        }
    }

    /** The target the recipe was fitted for, or null (not fitted, or fitted without a target). */
    public String fittedTarget() { return fitted == null ? null : fitted.target(); }

    /**
     * Checks that this recipe can be used for {@code target} on data with these columns: a recipe fitted for
     * another target is refused (its target encodings and the columns it kept were chosen for that target), and
     * the columns a fitted recipe reads must all be there, named in one line.
     *
     * @param target  the target now, or null
     * @param columns the data's column names
     */
    public void checkFor(String target, Collection<String> columns) throws BadInputException {
        String was = fittedTarget();
        if (was != null && target != null && !was.equals(target)) {
            throw new BadInputException("the recipe was fitted for the target '" + was + "', not '" + target + "'",
                    file, 0, null, "use --target " + was + ", or prepare the data again for '" + target + "'");
        }
        if (fitted == null) return;
        List<String> missing = new ArrayList<>();
        for (InputColumn in : fitted.inputColumns()) if (!columns.contains(in.name())) missing.add("'" + in.name() + "'");
        if (!missing.isEmpty()) {
            throw new BadInputException("the recipe reads " + (missing.size() == 1 ? "a column" : missing.size()
                    + " columns") + " the data does not have: " + String.join(", ", missing), file, 0, null,
                    "give a file with " + (missing.size() == 1 ? "that column" : "those columns")
                    + ", or a recipe made for this file");
        }
    }
}
