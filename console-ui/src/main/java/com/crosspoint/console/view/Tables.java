package com.crosspoint.console.view;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;
import javafx.util.Callback;

import java.util.function.Function;

/** Column helpers for the property-based rows of the view-models. */
final class Tables {
    private Tables() {
    }

    static <R, T> TableColumn<R, T> column(String title, String id, double width, Function<R, ObservableValue<T>> value) {
        TableColumn<R, T> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        Callback<TableColumn.CellDataFeatures<R, T>, ObservableValue<T>> factory = f -> value.apply(f.getValue());
        c.setCellValueFactory(factory);
        return c;
    }
}
