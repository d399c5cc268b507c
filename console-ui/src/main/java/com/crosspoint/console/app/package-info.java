/** Start-up: command line, composition of client, view-models and views, the JavaFX application. */
package com.crosspoint.console.app;
