package com.crosspoint.model;

/**
 * What one key of an auto-attendant menu does.
 *
 * @param digit     0-9 or {@code *} ({@code #} is dial-by-extension)
 * @param extension the user rung (EXTENSION) or whose mailbox takes a message (VOICEMAIL); else null
 * @param menuId    the menu of the same tenant that plays next (MENU); else null
 */
public record MenuOption(char digit, Action action, String extension, Long menuId) {

    /** Where a key sends the caller. */
    public enum Action { EXTENSION, MENU, VOICEMAIL, HANGUP }

    public static MenuOption extension(char digit, String extension) {
        return new MenuOption(digit, Action.EXTENSION, extension, null);
    }

    public static MenuOption voicemail(char digit, String extension) {
        return new MenuOption(digit, Action.VOICEMAIL, extension, null);
    }

    public static MenuOption menu(char digit, long menuId) {
        return new MenuOption(digit, Action.MENU, null, menuId);
    }

    public static MenuOption hangUp(char digit) {
        return new MenuOption(digit, Action.HANGUP, null, null);
    }
}
