package com.crosspoint.console.view;

import com.crosspoint.console.viewmodel.AcdQueueRow;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;

/** The service-level gauge of a queue's row: a bar of the share answered in time, red under the target. */
final class ServiceLevelCell extends TableCell<AcdQueueRow, String> {
    private final ProgressBar bar = new ProgressBar();

    ServiceLevelCell() {
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefWidth(70);
        setContentDisplay(ContentDisplay.LEFT);
        setGraphicTextGap(6);
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        AcdQueueRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
        if (row == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        bar.setProgress(row.serviceLevelGaugeProperty().get());
        bar.setStyle(row.belowTargetProperty().get() ? "-fx-accent: #c0392b;" : "-fx-accent: #27ae60;");
        setGraphic(bar);
        setText(text);
    }
}
