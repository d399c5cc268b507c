/** The Crosspoint operator console: JavaFX, MVVM, speaking only the appliance's public API. */
package com.crosspoint.console;
