"""The one place that imports Qt; the rest of ui/ imports from here."""

from PySide6.QtCore import (  # noqa: F401
    QCollator, QCoreApplication, QEvent, QEventLoop, QLocale, QObject, QSize, Qt, QTimer, QUrl, Signal, Slot, QDate,
)
from PySide6.QtCore import QLibraryInfo, QTranslator  # noqa: F401  (languages: ui/i18n.py)
from PySide6.QtGui import QAccessible, QGuiApplication  # noqa: F401  (accessibility, screen size)
from PySide6.QtCore import QAbstractTableModel, QModelIndex  # noqa: F401  (the register)
from PySide6.QtWidgets import QInputDialog, QTableView  # noqa: F401  (the register)
from PySide6.QtGui import (  # noqa: F401
    QAction, QDesktopServices, QFont, QKeySequence, QPalette, QShortcut, QColor, QKeyEvent,
)
from PySide6.QtWidgets import (  # noqa: F401
    QAbstractButton, QAbstractItemView, QApplication, QButtonGroup, QCalendarWidget, QCheckBox, QComboBox, QCompleter, QDateEdit,
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMainWindow,
    QMenu, QMessageBox, QPlainTextEdit, QProgressBar, QPushButton, QRadioButton, QScrollArea,
    QSizePolicy, QSpinBox, QDoubleSpinBox, QSplitter, QStackedWidget, QStatusBar, QTableWidget, QTableWidgetItem,
    QTextBrowser, QTextEdit, QToolButton, QVBoxLayout, QWidget, QWidgetAction, QWizard, QWizardPage,
)
