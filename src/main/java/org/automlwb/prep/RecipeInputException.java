package org.automlwb.prep;

import org.automlwb.common.BadInputException;

/**
 * Unchecked carrier of a {@link BadInputException} thrown while fitting or applying a recipe, so that the engine
 * can fit and apply per fold without checked exceptions everywhere. Callers that face the user (command line,
 * desktop app) catch it and show {@link #badInput()}; or they call {@link Recipe#check} /
 * {@link FittedRecipe#check} first, which throw the checked exception.
 */
public final class RecipeInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param cause the problem, as the user should see it */
    public RecipeInputException(BadInputException cause) {
        super(cause.getMessage(), cause);
    }

    /** The problem as a checked exception with its column and hint. */
    public BadInputException badInput() {
        return (BadInputException) getCause();
    }

    static RecipeInputException of(String message, String column, String hint) {
        return new RecipeInputException(new BadInputException(message, null, 0, column, hint));
    }
}
