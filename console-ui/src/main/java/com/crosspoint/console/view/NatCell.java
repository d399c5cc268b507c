package com.crosspoint.console.view;

import com.crosspoint.console.viewmodel.RegistrationRow;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** The NAT summary of a registration, with its evidence and the actions applied as the tooltip. */
final class NatCell extends TableCell<RegistrationRow, String> {
    @Override
    protected void updateItem(String summary, boolean empty) {
        super.updateItem(summary, empty);
        RegistrationRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
        setText(empty ? null : summary);
        String detail = row == null ? "" : row.natDetailProperty().get();
        setTooltip(detail.isEmpty() ? null : new Tooltip(detail));
    }
}
